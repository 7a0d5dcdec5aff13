namespace HAProxy.Logs;

/// <summary>One state-change event parsed from an HAProxy log line. Fields absent from the line are null.</summary>
public sealed record LogEvent
{
    public required LogEventKind Kind { get; init; }

    /// <summary>Backend, listen or frontend name.</summary>
    public required string Proxy { get; init; }

    /// <summary>Server name, for server events.</summary>
    public string? Server { get; init; }

    /// <summary>True for <c>Backup Server ...</c> lines.</summary>
    public bool IsBackupServer { get; init; }

    /// <summary>For tracked servers, the <c>proxy/server</c> whose state this one follows.</summary>
    public string? Via { get; init; }

    /// <summary><c>Layer4 connection problem</c>, <c>Layer7 check passed</c>, <c>changed from CLI</c>, ...</summary>
    public string? Reason { get; init; }

    /// <summary>The quoted <c>info: "..."</c> text of a check, e.g. <c>Connection refused</c>.</summary>
    public string? CheckInfo { get; init; }

    /// <summary>The check's <c>code: 200</c>.</summary>
    public int? CheckCode { get; init; }

    public int? CheckDurationMs { get; init; }

    public int? ActiveLeft { get; init; }

    public int? BackupLeft { get; init; }

    public int? SessionsActive { get; init; }

    public int? SessionsRequeued { get; init; }

    public int? RemainingInQueue { get; init; }

    /// <summary>From the syslog header when present. RFC 3164 has no year or zone: see <see cref="LogParseContext"/>.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Syslog hostname when the envelope carries one.</summary>
    public string? Hostname { get; init; }

    public int? Pid { get; init; }

    /// <summary>Syslog PRI (facility * 8 + severity), when present.</summary>
    public int? Priority { get; init; }

    /// <summary>The message text after the envelope (<c>Server be/srv1 is DOWN, ...</c>).</summary>
    public required string Message { get; init; }

    /// <summary>
    /// The state words the line states: <c>UP/READY</c>, <c>DOWN/READY</c>, <c>UP/DRAIN</c> when leaving maintenance,
    /// <c>UP</c>/<c>DOWN</c> when leaving drain and at the end of a health-check line. Null otherwise.
    /// </summary>
    public string? State { get; init; }

    /// <summary>Syslog severity (PRI % 8), or the stderr level (<c>ALERT</c> = 1, <c>WARNING</c> = 4, <c>NOTICE</c> = 5).</summary>
    public int? Severity { get; init; }

    /// <summary>True when the counts end with <c>Running on backup.</c> (no active server left, a backup serves).</summary>
    public bool RunningOnBackup { get; init; }

    /// <summary>Health-check lines: the first number of <c>status: 0/2 DOWN</c> (the check's current health count).</summary>
    public int? HealthCount { get; init; }

    /// <summary>Health-check lines: the second number of <c>status: 0/2 DOWN</c> (rise when down, fall when up).</summary>
    public int? HealthThreshold { get; init; }

    /// <summary><c>Proxy P stopped (cumulated conns: FE: n, BE: m).</c>: n.</summary>
    public long? FrontendConnections { get; init; }

    /// <summary><c>Proxy P stopped (cumulated conns: FE: n, BE: m).</c>: m.</summary>
    public long? BackendConnections { get; init; }
}
