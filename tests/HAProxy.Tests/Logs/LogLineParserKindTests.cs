using HAProxy.Logs;
using static HAProxy.Tests.Logs.LogFixtures;

namespace HAProxy.Tests.Logs;

/// <summary>Each event kind with every field asserted (record equality), on lines captured from HAProxy 2.6.</summary>
public class LogLineParserKindTests
{
    private const string Env = "<129>Nov 21 21:38:33 haproxy[6085]: ";

    private static LogEvent Expected(LogEventKind kind, string message, int priority = 129) => new()
    {
        Kind = kind,
        Proxy = "be",
        Message = message,
        Timestamp = At(11, 21, 21, 38, 33),
        Pid = 6085,
        Priority = priority,
        Severity = priority % 8,
    };

    private static LogEvent ParseMessage(string message, int priority = 129) =>
        Parse(Env.Replace("<129>", $"<{priority}>") + message);

    [Fact]
    public void TryParse_HealthCheckDown_AllFields()
    {
        const string M = "Server be/srv3 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
        ParseMessage(M).ShouldBe(Expected(LogEventKind.ServerDown, M) with
        {
            Server = "srv3", Reason = "Layer4 connection problem", CheckInfo = "Connection refused", CheckDurationMs = 0,
            ActiveLeft = 2, BackupLeft = 0, SessionsActive = 0, SessionsRequeued = 0, RemainingInQueue = 0,
        });
    }

    [Fact]
    public void TryParse_HealthCheckUp_AllFields()
    {
        const string M = "Server be/srv1 is UP, reason: Layer7 check passed, code: 200, check duration: 4ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";
        ParseMessage(M, 133).ShouldBe(Expected(LogEventKind.ServerUp, M, 133) with
        {
            Server = "srv1", Reason = "Layer7 check passed", CheckCode = 200, CheckDurationMs = 4,
            ActiveLeft = 2, BackupLeft = 0, SessionsRequeued = 0, RemainingInQueue = 0,
        });
    }

    [Fact]
    public void TryParse_DownChangedFromCli_ReasonIsTheText()
    {
        const string M = "Server be/srv1 is DOWN, changed from CLI. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
        ParseMessage(M).ShouldBe(Expected(LogEventKind.ServerDown, M) with
        {
            Server = "srv1", Reason = "changed from CLI", ActiveLeft = 1, BackupLeft = 0, SessionsActive = 0, SessionsRequeued = 0, RemainingInQueue = 0,
        });
    }

    [Fact]
    public void TryParse_TrackedDownRunningOnBackup_ViaAndFlag()
    {
        const string M = "Server be/srv2 is DOWN via be/srv1. 0 active and 1 backup servers left. Running on backup. 3 sessions active, 2 requeued, 1 remaining in queue.";
        ParseMessage(M).ShouldBe(Expected(LogEventKind.ServerDown, M) with
        {
            Server = "srv2", Via = "be/srv1", ActiveLeft = 0, BackupLeft = 1, RunningOnBackup = true,
            SessionsActive = 3, SessionsRequeued = 2, RemainingInQueue = 1,
        });
    }

    [Fact]
    public void TryParse_BackupServerDown_IsBackupServer()
    {
        const string M = "Backup Server be/bk1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
        ParseMessage(M).ShouldBe(Expected(LogEventKind.ServerDown, M) with
        {
            Server = "bk1", IsBackupServer = true, Reason = "Layer4 connection problem", CheckInfo = "Connection refused", CheckDurationMs = 0,
            ActiveLeft = 2, BackupLeft = 0, SessionsActive = 0, SessionsRequeued = 0, RemainingInQueue = 0,
        });
    }

    [Fact]
    public void TryParse_DownWithLogHealthChecks_NoReasonOnlyCounts()
    {
        const string M = "Server li/l1 is DOWN. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
        ParseMessage(M).ShouldBe(Expected(LogEventKind.ServerDown, M) with
        {
            Proxy = "li", Server = "l1", ActiveLeft = 0, BackupLeft = 0, SessionsActive = 0, SessionsRequeued = 0, RemainingInQueue = 0,
        });
    }

    [Fact]
    public void TryParse_GoingDownForMaintenanceViaTracked_AllFields()
    {
        const string M = "Server be/srv2 is going DOWN for maintenance via be/srv1. 0 active and 1 backup servers left. Running on backup. 0 sessions active, 0 requeued, 0 remaining in queue.";
        ParseMessage(M).ShouldBe(Expected(LogEventKind.ServerEnteringMaintenance, M) with
        {
            Server = "srv2", Via = "be/srv1", ActiveLeft = 0, BackupLeft = 1, RunningOnBackup = true,
            SessionsActive = 0, SessionsRequeued = 0, RemainingInQueue = 0,
        });
    }

    [Fact]
    public void TryParse_GoingDownForMaintenanceWithCause_CauseIsReason()
    {
        const string M = "Server be/srv1 is going DOWN for maintenance (DNS NX status). 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
        ParseMessage(M).ShouldBe(Expected(LogEventKind.ServerEnteringMaintenance, M) with
        {
            Server = "srv1", Reason = "DNS NX status", ActiveLeft = 1, BackupLeft = 0, SessionsActive = 0, SessionsRequeued = 0, RemainingInQueue = 0,
        });
    }

    [Theory]
    [InlineData("Server be/srv3 was DOWN and now enters maintenance.", null)]
    [InlineData("Server be/srv3 was DOWN and now enters maintenance via be/srv1.", "be/srv1")]
    public void TryParse_WasDownEntersMaintenance_OptionalVia(string message, string? via)
    {
        ParseMessage(message, 133).ShouldBe(Expected(LogEventKind.ServerDownEntersMaintenance, message, 133) with { Server = "srv3", Via = via });
    }

    [Theory]
    [InlineData("Server be/srv2 is UP/READY (leaving forced maintenance).", "UP/READY", false)]
    [InlineData("Server be/srv2 is DOWN/READY (leaving forced maintenance).", "DOWN/READY", false)]
    [InlineData("Server be/srv2 is UP/READY (leaving maintenance).", "UP/READY", false)]
    [InlineData("Backup Server be/srv2 is UP/DRAIN (leaving forced maintenance).", "UP/DRAIN", true)]
    public void TryParse_LeavingMaintenance_StateWords(string message, string state, bool backup)
    {
        ParseMessage(message, 133).ShouldBe(Expected(LogEventKind.ServerLeavingMaintenance, message, 133) with
        {
            Server = "srv2", State = state, IsBackupServer = backup,
        });
    }

    [Fact]
    public void TryParse_EntersDrain_OnlineCounts()
    {
        const string M = "Server be/srv2 enters drain state. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";
        ParseMessage(M, 133).ShouldBe(Expected(LogEventKind.ServerEnteringDrain, M, 133) with
        {
            Server = "srv2", ActiveLeft = 1, BackupLeft = 0, SessionsRequeued = 0, RemainingInQueue = 0,
        });
    }

    [Theory]
    [InlineData("Server be/srv2 is UP (leaving forced drain).", "UP")]
    [InlineData("Server be/srv2 is DOWN (leaving drain).", "DOWN")]
    public void TryParse_LeavingDrain_State(string message, string state)
    {
        ParseMessage(message, 133).ShouldBe(Expected(LogEventKind.ServerLeavingDrain, message, 133) with { Server = "srv2", State = state });
    }

    [Fact]
    public void TryParse_HealthCheckFailed_AllFields()
    {
        const string M = "Health check for server be/srv1 failed, reason: Layer7 wrong status, code: 503, info: \"Service \"Unavailable\", really\", check duration: 12ms, status: 0/2 DOWN.";
        ParseMessage(M, 133).ShouldBe(Expected(LogEventKind.HealthCheckFailed, M, 133) with
        {
            Server = "srv1", Reason = "Layer7 wrong status", CheckCode = 503, CheckInfo = "Service \"Unavailable\", really",
            CheckDurationMs = 12, HealthCount = 0, HealthThreshold = 2, State = "DOWN",
        });
    }

    [Fact]
    public void TryParse_HealthCheckForBackupSucceeded_AllFields()
    {
        const string M = "Health check for backup server be/bk1 succeeded, reason: Layer4 check passed, check duration: 0ms, status: 3/3 UP.";
        ParseMessage(M, 133).ShouldBe(Expected(LogEventKind.HealthCheckSucceeded, M, 133) with
        {
            Server = "bk1", IsBackupServer = true, Reason = "Layer4 check passed", CheckDurationMs = 0, HealthCount = 3, HealthThreshold = 3, State = "UP",
        });
    }

    [Theory]
    [InlineData("backend be has no server available!", "be")]
    [InlineData("proxy li has no server available!", "li")]
    public void TryParse_NoServerAvailable_Proxy(string message, string proxy)
    {
        ParseMessage(message, 128).ShouldBe(Expected(LogEventKind.BackendNoServerAvailable, message, 128) with { Proxy = proxy });
    }

    [Fact]
    public void TryParse_ServerStopping_Kind()
    {
        const string M = "Server be/srv1 is stopping. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";
        ParseMessage(M, 133).Kind.ShouldBe(LogEventKind.ServerStopping);
    }
}
