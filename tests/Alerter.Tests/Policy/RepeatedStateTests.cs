using Alerter.Policy;
using HAProxy.Logs;
using Microsoft.Extensions.Time.Testing;

namespace Alerter.Tests.Policy;

/// <summary>Issue 17 item 5: a state the server is already in is no state change (a reload's new process re-checks and logs "is DOWN" again).</summary>
public class RepeatedStateTests
{
    private readonly FakeTimeProvider _clock = new(Events.T0);
    private readonly Dictionary<ServerKey, FlapState> _states = [];
    private readonly AlertPolicy _policy = new(new AlertPolicyOptions());

    private PolicyDecision Run(params PolicyEvent[] pending)
    {
        _clock.Advance(TimeSpan.FromSeconds(5)); // past the grouping settle
        var decision = _policy.Evaluate(pending, _states, _clock.GetUtcNow());
        foreach (var state in decision.FlapStates)
        {
            _states[state.Server] = state;
        }
        return decision;
    }

    [Fact]
    public void Evaluate_DownWhileDown_RecordedAsInfoNotAlerted()
    {
        Run(Events.Down("be", "srv3", _clock.GetUtcNow())).Alerts.ShouldHaveSingleItem();
        var again = Events.Down("be", "srv3", _clock.GetUtcNow()); // the new worker after a reload

        var decision = Run(again);

        decision.Alerts.ShouldBeEmpty();
        decision.Repeated.ShouldBe(1);
        decision.Dispatched.ShouldHaveSingleItem().ShouldBe((again.Id, AlertSeverity.Info));
    }

    [Fact]
    public void Evaluate_DownWhileDownAfterARestart_StoredStateDecides()
    {
        // What alert_flap_state holds after the first DOWN was dispatched by an earlier process.
        var server = new ServerKey("lb1", "be", "srv3");
        _states[server] = new FlapState(server, [Events.T0], false, Events.T0, LogEventKind.ServerDown);

        Run(Events.Down("be", "srv3", _clock.GetUtcNow())).Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_UpAfterRepeatedDown_OneRecoveryAlert()
    {
        Run(Events.Down("be", "srv3", _clock.GetUtcNow()));
        Run(Events.Down("be", "srv3", _clock.GetUtcNow()));

        var alert = Run(Events.Up("be", "srv3", _clock.GetUtcNow())).Alerts.ShouldHaveSingleItem();

        alert.Severity.ShouldBe(AlertSeverity.Recovery);
    }

    [Fact]
    public void Evaluate_RepeatsOfDownAndUp_NeverCountForFlapping()
    {
        var alerts = new List<Alert>();
        for (var i = 0; i < 10; i++)
        {
            var at = _clock.GetUtcNow();
            alerts.AddRange(Run(Events.Down("be", "srv1", at), Events.Down("be", "srv1", at.AddMilliseconds(10))).Alerts);
            alerts.AddRange(Run(Events.Up("be", "srv1", at.AddSeconds(1)), Events.Up("be", "srv1", at.AddSeconds(1.01))).Alerts);
            if (i == 1)
            {
                break; // two DOWN/UP cycles (4 changes, 8 lines): the threshold is more than 4 changes
            }
        }

        alerts.ShouldAllBe(a => a.Kind == AlertKind.Transitions);
        alerts.Count.ShouldBe(4);
        _states[new ServerKey("lb1", "be", "srv1")].Changes.Count.ShouldBe(4);
    }

    [Fact]
    public void Evaluate_ReloadWithBackendEmpty_NoNewCriticalAlert()
    {
        var t = _clock.GetUtcNow();
        Run(Events.Down("solo", "s1", t, activeLeft: 0), Events.NoServer("solo", t)).Alerts.ShouldHaveSingleItem().Severity.ShouldBe(AlertSeverity.Critical);
        var t2 = _clock.GetUtcNow();

        var decision = Run(Events.ProxyStopped("solo", t2), Events.Down("solo", "s1", t2.AddSeconds(1), activeLeft: 0), Events.NoServer("solo", t2.AddSeconds(1)));

        decision.Alerts.ShouldAllBe(a => a.Kind == AlertKind.ProxyNotice && a.Severity == AlertSeverity.Info); // the reload itself, not paged
        decision.Repeated.ShouldBe(2);
    }

    [Fact]
    public void Evaluate_BackendLineWithAServerReallyDown_StillCritical()
    {
        var t = _clock.GetUtcNow();
        Run(Events.Down("app", "a1", t, activeLeft: 1));

        var decision = Run(Events.Down("app", "a1", t.AddSeconds(5), activeLeft: 1), Events.Down("app", "a2", t.AddSeconds(5), activeLeft: 0), Events.NoServer("app", t.AddSeconds(5)));

        var alert = decision.Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.BackendDown);
        alert.Events.Select(e => e.Server).ShouldBe(["a2", null]); // a1's repeat is not listed again
    }

    [Fact]
    public void IsRepeat_MaintenanceBetweenTwoDowns_StillARepeat()
    {
        var server = new ServerKey("lb1", "be", "srv1");
        var state = new FlapState(server, [], false, Events.T0, LogEventKind.ServerDown);
        var (afterMaintenance, _) = FlapDetector.Apply(state, Events.Maintenance("be", "srv1", Events.T0.AddSeconds(1)), new AlertPolicyOptions());

        FlapDetector.IsRepeat(afterMaintenance, Events.Down("be", "srv1", Events.T0.AddSeconds(2))).ShouldBeTrue();
        FlapDetector.IsRepeat(afterMaintenance, Events.Up("be", "srv1", Events.T0.AddSeconds(2))).ShouldBeFalse();
    }
}
