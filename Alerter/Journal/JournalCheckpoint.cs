namespace Alerter.Journal;

/// <summary>Where a journal source stands: the cursor of the last committed entry (null: nothing read yet) and the
/// occurrence ordinals of recent idempotency keys.</summary>
public sealed record JournalCheckpoint(string Source, string? Cursor, string OrdinalState);
