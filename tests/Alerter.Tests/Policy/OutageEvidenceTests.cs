using Alerter.Policy;
using Microsoft.Extensions.Time.Testing;

namespace Alerter.Tests.Policy;

/// <summary>
/// Issue 18 item 3: forged DOWN/UP lines make a backend's servers "flapping", and the real outage that follows was
/// flap-suppressed. The Collector's numbers may lift that suppression; they never hold an alert back.
/// </summary>
public class OutageEvidenceTests
{
    private readonly FakeTimeProvider _clock = new(Events.T0);
    private readonly Dictionary<ServerKey, FlapState> _states = [];
    private List<PolicyEvent> _unconfirmed = [];
    private readonly AlertPolicy _policy = new(new AlertPolicyOptions());

    private static readonly BackendKey App = new("lb1", "app");

    private PolicyDecision Run(OutageEvidence evidence, params PolicyEvent[] pending)
    {
        _clock.Advance(TimeSpan.FromSeconds(3));
        var decision = _policy.Evaluate(new PolicyInput(pending, _states, _unconfirmed, evidence), _clock.GetUtcNow());
        foreach (var state in decision.FlapStates)
        {
            _states[state.Server] = state;
        }
        _unconfirmed = decision.Unconfirmed!.ToList();
        return decision;
    }

    private static OutageEvidence Empty(BackendKey backend) => new(new HashSet<ServerKey>(), new HashSet<BackendKey> { backend });

    /// <summary>Twelve forged lines: both servers of app flap (the last forged line of each is UP).</summary>
    private void Forge()
    {
        var t = _clock.GetUtcNow();
        var forged = new List<PolicyEvent>();
        for (var i = 0; i < 6; i++)
        {
            foreach (var server in new[] { "web1", "web2" })
            {
                forged.Add(i % 2 == 0 ? Events.Down("app", server, t.AddMilliseconds(100 * i)) : Events.Up("app", server, t.AddMilliseconds(100 * i)));
            }
        }
        Run(OutageEvidence.None, [.. forged]).Alerts.Count(a => a.Kind == AlertKind.Flapping).ShouldBe(2);
    }

    private PolicyEvent[] RealOutage()
    {
        var t = _clock.GetUtcNow();
        return [Events.Down("app", "web1", t, activeLeft: 1), Events.Down("app", "web2", t.AddMilliseconds(100), activeLeft: 0), Events.NoServer("app", t.AddMilliseconds(100))];
    }

    [Fact]
    public void Evaluate_ForgedFlappingThenOutageWithoutStore_SuppressedAsToday()
    {
        Forge();

        var decision = Run(OutageEvidence.None, RealOutage());

        decision.Alerts.ShouldBeEmpty();
        decision.Unconfirmed!.Count.ShouldBe(3); // held for the numbers; the dispatcher drops them without a store
    }

    [Fact]
    public void Evaluate_ForgedFlappingThenOutageTheStoreConfirms_PagedCritical()
    {
        Forge();

        var decision = Run(Empty(App), RealOutage());

        var alert = decision.Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.BackendDown);
        alert.Severity.ShouldBe(AlertSeverity.Critical);
        alert.Events.Select(e => e.Server).ShouldBe(["web1", "web2", null]);
        decision.Confirmed.ShouldBe(3);
        decision.Unconfirmed!.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_NumbersConfirmARunLater_PagedOnceThen()
    {
        Forge();
        var outage = RealOutage();
        Run(OutageEvidence.None, outage).Alerts.ShouldBeEmpty(); // the Collector has not sampled twice yet

        var confirmed = Run(Empty(App));
        var after = Run(Empty(App));

        var alert = confirmed.Alerts.ShouldHaveSingleItem();
        alert.Severity.ShouldBe(AlertSeverity.Critical);
        alert.Key.ShouldBe(_policy.Evaluate(new PolicyInput([], _states, outage, Empty(App)), _clock.GetUtcNow()).Alerts.Single().Key, "one key per outage, however it is released");
        after.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_ServerBackUpBeforeTheNumbersConfirm_HeldOutageDropped()
    {
        Forge();
        Run(OutageEvidence.None, RealOutage());

        var t = _clock.GetUtcNow();
        var decision = Run(OutageEvidence.None, Events.Up("app", "web1", t), Events.Up("app", "web2", t));

        decision.Unconfirmed!.ShouldBeEmpty();
        Run(Empty(App)).Alerts.ShouldBeEmpty(); // stale numbers of an outage the log says is over
    }

    [Fact]
    public void Evaluate_HeldLongerThanTheStablePeriod_Dropped()
    {
        Forge();
        Run(OutageEvidence.None, RealOutage());
        _clock.Advance(new AlertPolicyOptions().FlapStableAfter);

        Run(OutageEvidence.None).Unconfirmed!.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_OneServerConfirmedDown_OnlyItsDownPagedAtItsSeverity()
    {
        Forge();
        var t = _clock.GetUtcNow();
        var evidence = new OutageEvidence(new HashSet<ServerKey> { new("lb1", "app", "web1") }, new HashSet<BackendKey>());

        var decision = Run(evidence, Events.Down("app", "web1", t, activeLeft: 1));

        var alert = decision.Alerts.ShouldHaveSingleItem();
        alert.Severity.ShouldBe(AlertSeverity.Warning);
        alert.Server.ShouldBe("web1");
    }

    [Fact]
    public void Evaluate_NotFlapping_NumbersChangeNothing()
    {
        var t = _clock.GetUtcNow();
        var withNumbers = Run(Empty(App), Events.Down("app", "web1", t, activeLeft: 0), Events.NoServer("app", t));
        withNumbers.Alerts.ShouldHaveSingleItem().Severity.ShouldBe(AlertSeverity.Critical);
        withNumbers.Confirmed.ShouldBe(0);
        withNumbers.Unconfirmed!.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_NumbersSayUpWhileTheLogSaysDown_AlertStillSent()
    {
        // Evidence only ever adds: an empty evidence set for a non-flapping server's DOWN changes nothing.
        var alert = Run(OutageEvidence.None, Events.Down("app", "web1", _clock.GetUtcNow())).Alerts.ShouldHaveSingleItem();
        alert.Severity.ShouldBe(AlertSeverity.Warning);
    }

    [Theory]
    [InlineData(new double[] { 1, 0, 0 }, true)]
    [InlineData(new double[] { 0, 0, 1 }, false)]
    [InlineData(new double[] { 1, 0 }, false)]
    [InlineData(new double[] { 0 }, false)]
    [InlineData(new double[] { }, false)]
    public void ShowOutage_NewestTwoSamples_Decide(double[] samples, bool expected)
        => OutageSamples.ShowOutage(samples.Select(v => (double?)v)).ShouldBe(expected);

    [Fact]
    public void ShowOutage_GapsBetweenSamples_Skipped()
        => OutageSamples.ShowOutage([1, 0, null, null, 0, null]).ShouldBeTrue();
}
