using HAProxy.Logs;

namespace Alerter.Policy;

/// <summary>One <c>haproxy_event</c> row as the policy sees it (no I/O, plain values).</summary>
public sealed record PolicyEvent
{
    public required long Id { get; init; }

    /// <summary>host + proxy/server + kind + log timestamp, unique per transition.</summary>
    public required string Key { get; init; }

    public required string Host { get; init; }

    public required string Proxy { get; init; }

    public string? Server { get; init; }

    public required LogEventKind Kind { get; init; }

    /// <summary>Time from the log line (second resolution for RFC 3164 lines).</summary>
    public required DateTimeOffset Time { get; init; }

    public string? Reason { get; init; }

    public string? CheckInfo { get; init; }

    public int? CheckCode { get; init; }

    public int? CheckDurationMs { get; init; }

    public int? ActiveLeft { get; init; }

    public int? BackupLeft { get; init; }

    public bool IsBackup { get; init; }

    public string? Via { get; init; }

    public required string Message { get; init; }

    public required string Line { get; init; }

    /// <summary>Health state changes (DOWN/UP) are what flap detection counts; operator actions are not.</summary>
    public bool IsStateChange => Kind is LogEventKind.ServerDown or LogEventKind.ServerUp;

    public ServerKey? ServerKey => Server is null ? null : new ServerKey(Host, Proxy, Server);
}
