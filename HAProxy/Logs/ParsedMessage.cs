namespace HAProxy.Logs;

/// <summary>What a state-change message says. Only candidate state-change messages get here, so strings are fine.</summary>
internal struct ParsedMessage
{
    public LogEventKind Kind;
    public string? Proxy;
    public string? Server;
    public bool IsBackup;
    public string? Via;
    public string? Reason;
    public string? CheckInfo;
    public int? CheckCode;
    public int? CheckDurationMs;
    public int? ActiveLeft;
    public int? BackupLeft;
    public int? SessionsActive;
    public int? SessionsRequeued;
    public int? RemainingInQueue;
    public bool RunningOnBackup;
    public string? State;
    public int? HealthCount;
    public int? HealthThreshold;
    public long? FrontendConnections;
    public long? BackendConnections;

    public readonly LogEvent ToEvent(in SyslogEnvelope envelope) => new()
    {
        Kind = Kind,
        Proxy = Proxy ?? string.Empty,
        Server = Server,
        IsBackupServer = IsBackup,
        Via = Via,
        Reason = Reason,
        CheckInfo = CheckInfo,
        CheckCode = CheckCode,
        CheckDurationMs = CheckDurationMs,
        ActiveLeft = ActiveLeft,
        BackupLeft = BackupLeft,
        SessionsActive = SessionsActive,
        SessionsRequeued = SessionsRequeued,
        RemainingInQueue = RemainingInQueue,
        RunningOnBackup = RunningOnBackup,
        State = State,
        HealthCount = HealthCount,
        HealthThreshold = HealthThreshold,
        FrontendConnections = FrontendConnections,
        BackendConnections = BackendConnections,
        Timestamp = envelope.Timestamp,
        Hostname = NullIfEmpty(envelope.Hostname),
        Pid = envelope.Pid,
        Priority = envelope.Priority,
        Severity = envelope.Severity,
        Message = envelope.Message.ToString(),
    };

    private static string? NullIfEmpty(ReadOnlySpan<char> text) => text.IsEmpty ? null : text.ToString();
}
