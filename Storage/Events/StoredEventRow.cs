namespace Storage.Events;

/// <summary>
/// One <c>haproxy_event</c> row as the event store returns it to its writer (the Alerter): every column, the kind as
/// its stored name (<see cref="Schema.EventKinds"/>; a kind a newer build wrote stays readable as text).
/// <see cref="Reading.StoredEvent"/> is the narrower view readers (page, e-mail) get.
/// </summary>
public sealed record StoredEventRow
{
    public required long Id { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string Host { get; init; }

    public required string Proxy { get; init; }

    public string? Server { get; init; }

    public required string Kind { get; init; }

    /// <summary>Null until the dispatcher has handled the row.</summary>
    public string? Severity { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required DateTimeOffset Observed { get; init; }

    public string? Reason { get; init; }

    public string? CheckInfo { get; init; }

    public int? CheckCode { get; init; }

    public int? CheckDurationMs { get; init; }

    public int? ActiveLeft { get; init; }

    public int? BackupLeft { get; init; }

    public bool IsBackup { get; init; }

    public string? Via { get; init; }

    public int? Pid { get; init; }

    public required string Message { get; init; }

    public required string Line { get; init; }

    public required string Source { get; init; }

    public required bool Dispatched { get; init; }
}
