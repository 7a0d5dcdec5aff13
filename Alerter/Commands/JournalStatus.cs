namespace Alerter.Commands;

/// <summary>One journal source as <c>alerter status</c> shows it. <see cref="LastScan"/> is null for a journal chosen but
/// never read; <see cref="Problem"/> says why it cannot be read, when it cannot.</summary>
public sealed record JournalStatus(
    string Source,
    string? Host,
    DateTimeOffset? LastScan,
    string? Cursor,
    long Entries,
    long Events,
    long Inserted,
    long Malformed,
    long InvalidUtf8,
    DateTimeOffset? LastEvent,
    string? Problem);
