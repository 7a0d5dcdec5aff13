namespace Alerter.Journal;

/// <summary>What one committed batch adds to a journal source's counters.</summary>
public sealed record JournalBatchDelta(long Entries, long Events, long Inserted, long Malformed, long InvalidUtf8, DateTimeOffset? LastEntry);
