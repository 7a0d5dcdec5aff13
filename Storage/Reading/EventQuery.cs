namespace Storage.Reading;

/// <summary>
/// Which transitions <see cref="IStorageReader.GetEventsAsync"/> returns, newest first.
/// </summary>
/// <param name="Kinds">Stored kind names (<see cref="Schema.EventKinds"/>); null or empty for all.</param>
/// <param name="Severities">critical, warning, recovery, info; null or empty for all.</param>
/// <param name="Limit">At most this many (capped at <see cref="StorageLimits.MaxEvents"/>).</param>
/// <param name="BeforeId">Paging: only events older than this event id (the previous page's <see cref="EventPage.NextBeforeId"/>).</param>
public sealed record EventQuery(
    DateTimeOffset From,
    DateTimeOffset To,
    string? Host = null,
    string? Proxy = null,
    string? Server = null,
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyList<string>? Severities = null,
    int Limit = 200,
    long? BeforeId = null);
