using HAProxy.Logs;
using static HAProxy.Tests.Logs.LogFixtures;

namespace HAProxy.Tests.Logs;

/// <summary>Every datagram of shared/reference/haproxy-2.6.md, and a hand capture with tracked and backup servers.</summary>
public class LogLineParserReferenceTests
{
    [Fact]
    public void TryParse_ReferenceDatagrams_EachIsTheEventOfItsAction()
    {
        var kinds = Lines("reference-2.6.log").Select(line => Parse(line).Kind).ToArray();

        kinds.ShouldBe(
        [
            LogEventKind.ServerDown, LogEventKind.ServerDown, LogEventKind.ServerUp,
            LogEventKind.ServerEnteringMaintenance, LogEventKind.ServerLeavingMaintenance,
            LogEventKind.ServerEnteringDrain, LogEventKind.ServerLeavingDrain,
            LogEventKind.ServerEnteringMaintenance, LogEventKind.ServerLeavingMaintenance,
            LogEventKind.ServerDownEntersMaintenance, LogEventKind.ServerLeavingMaintenance, LogEventKind.ServerDown,
            LogEventKind.ServerDown, LogEventKind.ServerUp, LogEventKind.ServerDown, LogEventKind.ServerUp,
            LogEventKind.ServerEnteringMaintenance, LogEventKind.ServerEnteringMaintenance,
            LogEventKind.BackendNoServerAvailable,
            LogEventKind.ServerLeavingMaintenance, LogEventKind.ServerLeavingMaintenance,
            LogEventKind.ProxyStopped, LogEventKind.ProxyStopped, LogEventKind.ProxyStopped, LogEventKind.ProxyStopped,
            LogEventKind.ServerDown,
        ]);
    }

    [Fact]
    public void TryParse_ReferenceDatagrams_CarryEnvelopeFields()
    {
        var events = Lines("reference-2.6.log").Select(line => Parse(line)).ToArray();

        events.Select(e => e.Pid).Distinct().ShouldBe([6085, 15143]);
        events.ShouldAllBe(e => e.Hostname == null);
        events[0].Timestamp.ShouldBe(At(11, 21, 21, 38, 33));
        events[^1].Timestamp.ShouldBe(At(11, 21, 21, 40, 52));
        events.Select(e => e.Priority).Distinct().Order().ShouldBe([128, 129, 132, 133]);
        events.Where(e => e.Kind == LogEventKind.ProxyStopped).Select(e => e.Proxy).ShouldBe(["fe", "stats", "be", "<HTTPCLIENT>"]);
    }

    [Fact]
    public void TryParse_ReferenceProxyStopped_ReadsCumulatedConnections()
    {
        var line = Lines("reference-2.6.log")[21];

        Parse(line).ShouldBe(new LogEvent
        {
            Kind = LogEventKind.ProxyStopped,
            Proxy = "fe",
            FrontendConnections = 407,
            BackendConnections = 0,
            Timestamp = At(11, 21, 21, 40, 51),
            Pid = 6085,
            Priority = 132,
            Severity = 4,
            Message = "Proxy fe stopped (cumulated conns: FE: 407, BE: 0).",
        });
    }

    [Fact]
    public void TryParse_HandCapture_TrackedBackupAndHealthCheckLines()
    {
        var lines = Lines("manual-2.6-tracked-backup.log");
        var outcomes = lines.Select(line => LogLineParser.TryParse(line, Context, out _)).ToArray();

        outcomes.Count(o => o == LogLineOutcome.NotAnEvent).ShouldBe(1); // the one request line
        outcomes.ShouldNotContain(LogLineOutcome.Malformed);
        var events = lines.Where((_, i) => outcomes[i] == LogLineOutcome.Event).Select(line => Parse(line)).ToArray();
        events.Count(e => e.Via == "be/srv1").ShouldBe(10);
        events.Where(e => e.Via is not null).Select(e => e.Server).Distinct().ShouldBe(["srv2"]);
        events.Count(e => e.IsBackupServer).ShouldBe(3);
        events.Count(e => e.RunningOnBackup).ShouldBe(3);
        events.Count(e => e.Kind is LogEventKind.HealthCheckFailed or LogEventKind.HealthCheckSucceeded).ShouldBe(2);
        events.Where(e => e.Kind == LogEventKind.BackendNoServerAvailable).Select(e => e.Proxy).ShouldBe(["li", "be", "be", "be", "be"]);
    }

    [Fact]
    public void TryParse_HandCaptureStderr_SameEventsAsSyslog()
    {
        var syslog = Lines("manual-2.6-tracked-backup.log")
            .Select(line => (Outcome: LogLineParser.TryParse(line, Context, out var e), Event: e))
            .Where(r => r.Outcome == LogLineOutcome.Event)
            .Select(r => r.Event!)
            .ToArray();
        var stderr = Lines("manual-2.6-tracked-backup.stderr").Select(line => Parse(line)).ToArray();

        stderr.Select(e => (e.Kind, e.Proxy, e.Server, e.Via, e.Reason, e.ActiveLeft, e.BackupLeft, e.State))
            .ShouldBe(syslog.Select(e => (e.Kind, e.Proxy, e.Server, e.Via, e.Reason, e.ActiveLeft, e.BackupLeft, e.State)));
        stderr.ShouldAllBe(e => e.Pid == 9697 && e.Timestamp == null && e.Priority == null);
        stderr.Where(e => e.Kind == LogEventKind.BackendNoServerAvailable).ShouldAllBe(e => e.Severity == 1);
    }

    [Fact]
    public async Task ScanStreamAsync_SavedIntegrationCapture_ExpectedSequence()
    {
        var events = new List<LogEvent>();
        var counters = new LogScanCounters();
        await using var file = File.OpenRead(PathOf("integration-capture.log"));

        await new LogScanner(Context).ScanStreamAsync(file, 0, new LogStreamOptions(), b => { events.AddRange(b.Events.Select(e => e.Event)); return ValueTask.CompletedTask; }, counters);

        IntegrationSequence.Describe(events).ShouldBe(IntegrationSequence.Expected);
        (counters.Malformed, counters.Overlong, counters.InvalidUtf8).ShouldBe((0L, 0L, 0L));
    }
}
