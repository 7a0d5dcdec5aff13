using Microsoft.Extensions.Time.Testing;
using Alerter.Policy;
using TestSupport;

namespace Alerter.Tests.Policy;

public class AlertPolicyTests
{
    private readonly FakeTimeProvider _clock = new(Events.T0);
    private readonly Dictionary<ServerKey, FlapState> _states = [];
    private readonly List<PolicyEvent> _pending = [];
    private readonly AlertPolicy _policy = new(new AlertPolicyOptions());

    /// <summary>Runs the policy the way the dispatcher does: released events leave the pending list, flap states persist.</summary>
    private PolicyDecision Run(AlertPolicy? policy = null)
    {
        var decision = (policy ?? _policy).Evaluate(_pending.ToList(), _states, _clock.GetUtcNow());
        var released = decision.Dispatched.Select(d => d.EventId).ToHashSet();
        _pending.RemoveAll(e => released.Contains(e.Id));
        foreach (var state in decision.FlapStates)
        {
            _states[state.Server] = state;
        }
        return decision;
    }

    [Fact]
    public void Evaluate_OneServerDown_OneWarningAlertAboutThatServer()
    {
        _pending.Add(Events.Down("be", "srv3", _clock.GetUtcNow(), activeLeft: 2));
        _clock.Advance(TimeSpan.FromSeconds(2));
        var decision = Run();
        var alert = decision.Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.Transitions);
        alert.Severity.ShouldBe(AlertSeverity.Warning);
        alert.Server.ShouldBe("srv3");
        decision.Dispatched.ShouldHaveSingleItem().Severity.ShouldBe(AlertSeverity.Warning);
    }

    [Fact]
    public void Evaluate_SameEventsTwice_SameAlertKey()
    {
        var events = new List<PolicyEvent> { Events.Down("be", "srv1", Events.T0), Events.Down("be", "srv2", Events.T0.AddMilliseconds(300)) };
        var now = Events.T0.AddSeconds(5);
        var first = _policy.Evaluate(events, new Dictionary<ServerKey, FlapState>(), now).Alerts.ShouldHaveSingleItem();
        var second = _policy.Evaluate(events, new Dictionary<ServerKey, FlapState>(), now.AddMinutes(3)).Alerts.ShouldHaveSingleItem();
        second.Key.ShouldBe(first.Key);
    }

    [Fact]
    public void Evaluate_AllServersDownThenBackendDown_OneCriticalAlertCoveringThem()
    {
        var t = _clock.GetUtcNow();
        for (var i = 1; i <= 5; i++)
        {
            _pending.Add(Events.Down("app", $"srv{i}", t.AddMilliseconds(100 * i), activeLeft: 5 - i));
        }
        _pending.Add(Events.NoServer("app", t.AddMilliseconds(500)));
        _clock.Advance(TimeSpan.FromSeconds(0.8));
        Run().Alerts.ShouldBeEmpty(); // still settling
        _clock.Advance(TimeSpan.FromSeconds(1));
        var alert = Run().Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.BackendDown);
        alert.Severity.ShouldBe(AlertSeverity.Critical);
        alert.Events.Count.ShouldBe(6);
        _pending.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_TwoBackendsAtOnce_OneAlertEach()
    {
        var t = _clock.GetUtcNow();
        _pending.AddRange([Events.Down("app", "a1", t), Events.Down("web", "w1", t), Events.Down("app", "a2", t)]);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var alerts = Run().Alerts;
        alerts.Select(a => (a.Proxy, a.Events.Count)).ShouldBe([("app", 2), ("web", 1)]);
    }

    [Fact]
    public void Evaluate_ServerFlapping100TimesInAMinute_OneFlappingAlertThenOneStableAgain()
    {
        var start = _clock.GetUtcNow();
        var notifications = new List<Alert>();
        for (var i = 0; i < 100; i++)
        {
            var at = start.AddMilliseconds(600 * i);
            _clock.SetUtcNow(at);
            _pending.Add(i % 2 == 0 ? Events.Down("be", "srv1", at) : Events.Up("be", "srv1", at));
            notifications.AddRange(Run().Alerts); // the dispatcher runs every second or so
            _clock.Advance(TimeSpan.FromMilliseconds(300));
            notifications.AddRange(Run().Alerts);
        }
        for (var s = 0; s < 20 * 60; s += 30)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            notifications.AddRange(Run().Alerts);
        }
        notifications.Count(a => a.Kind == AlertKind.Flapping).ShouldBe(1);
        notifications.Count(a => a.Kind == AlertKind.StableAgain).ShouldBe(1);
        notifications.Count.ShouldBeLessThanOrEqualTo(3);
        notifications.Last().Kind.ShouldBe(AlertKind.StableAgain);
        notifications.Last().StableState.ShouldBe("UP"); // the 100th change was UP
        _pending.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_OnlyServerOfBackendFlapping_NoCriticalBackendDownAlertsWhileFlapping()
    {
        var start = _clock.GetUtcNow();
        var notifications = new List<Alert>();
        for (var i = 0; i < 100; i++)
        {
            var at = start.AddMilliseconds(600 * i);
            _clock.SetUtcNow(at);
            if (i % 2 == 0)
            {
                _pending.AddRange([Events.Down("solo", "s1", at, activeLeft: 0), Events.NoServer("solo", at)]);
            }
            else
            {
                _pending.Add(Events.Up("solo", "s1", at, activeLeft: 1));
            }
            notifications.AddRange(Run().Alerts);
        }
        _clock.Advance(TimeSpan.FromSeconds(15));
        notifications.AddRange(Run().Alerts);

        notifications.Count(a => a.Kind == AlertKind.Flapping).ShouldBe(1);
        notifications.Count.ShouldBeLessThanOrEqualTo(3, string.Join(", ", notifications.Select(a => a.Kind)));
        notifications.Count(a => a.Kind == AlertKind.BackendDown).ShouldBeLessThanOrEqualTo(1); // at most the first DOWN, before it flapped
        _pending.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_FlappingServerAndAnotherServerDownThenBackendDown_BackendDownStillSent()
    {
        var t = _clock.GetUtcNow();
        for (var i = 0; i < 6; i++)
        {
            _pending.Add(i % 2 == 0 ? Events.Down("app", "srv1", t.AddMilliseconds(100 * i)) : Events.Up("app", "srv1", t.AddMilliseconds(100 * i)));
        }
        _clock.Advance(TimeSpan.FromSeconds(3));
        Run().Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Flapping);
        var t2 = _clock.GetUtcNow();
        _pending.AddRange([Events.Down("app", "srv1", t2, activeLeft: 1), Events.Down("app", "srv2", t2.AddMilliseconds(100), activeLeft: 0), Events.NoServer("app", t2.AddMilliseconds(100))]);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var alert = Run().Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.BackendDown); // srv2 is not flapping: the backend going down is news
        alert.Severity.ShouldBe(AlertSeverity.Critical);
        alert.Events.Select(e => e.Server).ShouldBe(["srv2", null]);
    }

    [Fact]
    public void Evaluate_FourChangesInTenMinutes_NotFlapping()
    {
        var t = _clock.GetUtcNow();
        var kinds = new List<AlertKind>();
        for (var i = 0; i < 4; i++)
        {
            _pending.Add(i % 2 == 0 ? Events.Down("be", "srv1", t.AddMinutes(2 * i)) : Events.Up("be", "srv1", t.AddMinutes(2 * i)));
            _clock.SetUtcNow(t.AddMinutes(2 * i).AddSeconds(5));
            kinds.AddRange(Run().Alerts.Select(a => a.Kind));
        }
        kinds.ShouldBe([AlertKind.Transitions, AlertKind.Transitions, AlertKind.Transitions, AlertKind.Transitions]);
    }

    [Fact]
    public void Evaluate_FlappingServerChangesAgainBeforeStable_StaysSilent()
    {
        var t = _clock.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            _pending.Add(i % 2 == 0 ? Events.Down("be", "srv1", t.AddSeconds(i)) : Events.Up("be", "srv1", t.AddSeconds(i)));
        }
        _clock.Advance(TimeSpan.FromSeconds(10));
        Run().Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.Flapping);
        _clock.Advance(TimeSpan.FromMinutes(9));
        _pending.Add(Events.Up("be", "srv1", _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Run().Alerts.ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromMinutes(9)); // 9 min after the last change: not yet stable
        Run().Alerts.ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromMinutes(1));
        Run().Alerts.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.StableAgain);
    }

    [Fact]
    public void Evaluate_SilenceMatchesServerAndTime_EventRecordedButNotAlerted()
    {
        var t = _clock.GetUtcNow();
        var policy = new AlertPolicy(new AlertPolicyOptions
        {
            Silences = [new SilenceRule { Proxy = "app*", Server = "srv?", Start = t.AddMinutes(-1), End = t.AddMinutes(30) }],
        });
        _pending.AddRange([Events.Down("app-eu", "srv1", t), Events.Down("web", "srv1", t), Events.Down("app-eu", "srv10", t)]);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var decision = Run(policy);
        decision.Dispatched.Count.ShouldBe(3);
        decision.Silenced.ShouldBe(1);
        decision.Alerts.Select(a => (a.Proxy, a.Events.Count)).ShouldBe([("app-eu", 1), ("web", 1)]);
        decision.Alerts[0].Events[0].Server.ShouldBe("srv10");
    }

    [Fact]
    public void Evaluate_SilenceOver_AlertsAgain()
    {
        var t = _clock.GetUtcNow();
        var policy = new AlertPolicy(new AlertPolicyOptions { Silences = [new SilenceRule { End = t }] });
        _pending.Add(Events.Down("app", "srv1", t));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Run(policy).Alerts.ShouldHaveSingleItem();
    }

    [Fact]
    public void Evaluate_BackendSilenceWithServerPattern_DoesNotSilenceBackendDown()
    {
        var t = _clock.GetUtcNow();
        var policy = new AlertPolicy(new AlertPolicyOptions { Silences = [new SilenceRule { Proxy = "app", Server = "srv1" }] });
        _pending.AddRange([Events.Down("app", "srv1", t, activeLeft: 0), Events.NoServer("app", t)]);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var alert = Run(policy).Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.BackendDown);
        alert.Events.ShouldHaveSingleItem().Server.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_GroupHeld_NextReleaseAtIsSettleAfterLastEventAndRunThenReleasesIt()
    {
        var t = _clock.GetUtcNow();
        _pending.Add(Events.Down("app", "s1", t, activeLeft: 1));
        _pending.Add(Events.Down("app", "s2", t.AddMilliseconds(300), activeLeft: 0));
        _clock.Advance(TimeSpan.FromMilliseconds(310));

        var first = Run();
        first.Alerts.ShouldBeEmpty();
        first.NextReleaseAt.ShouldBe(t.AddMilliseconds(300) + TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(1));

        _clock.SetUtcNow(first.NextReleaseAt!.Value);
        var second = Run();
        second.Alerts.ShouldHaveSingleItem().Events.Count.ShouldBe(2);
        second.NextReleaseAt.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_TwoBackendsHeld_NextReleaseAtIsTheEarlier()
    {
        var t = _clock.GetUtcNow();
        _pending.Add(Events.Down("web", "w1", t.AddMilliseconds(600)));
        _pending.Add(Events.Down("app", "a1", t.AddMilliseconds(200)));
        _clock.Advance(TimeSpan.FromMilliseconds(700));

        var decision = Run();

        decision.Alerts.ShouldBeEmpty();
        decision.NextReleaseAt.ShouldBe(t.AddMilliseconds(200) + TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(1));
    }

    [Fact]
    public void Evaluate_OneBackendReleasedOtherHeld_NextReleaseAtIsTheHeldOne()
    {
        var t = _clock.GetUtcNow();
        _pending.Add(Events.Down("app", "a1", t));
        _pending.Add(Events.Down("web", "w1", t.AddMilliseconds(1500)));
        _clock.Advance(TimeSpan.FromMilliseconds(1600));

        var decision = Run();

        decision.Alerts.ShouldHaveSingleItem().Proxy.ShouldBe("app");
        decision.NextReleaseAt.ShouldBe(t.AddMilliseconds(2500) + TimeSpan.FromTicks(1));
    }

    [Fact]
    public void Evaluate_NothingPending_NextReleaseAtNull()
    {
        Run().NextReleaseAt.ShouldBeNull();
    }
}
