namespace Storage.Health;

/// <summary>
/// The health the Alerter publishes for readers (the web page's health strip): per log source its last scan, how far
/// it has read and why it cannot read, and its outbox's state. The Alerter's checkpoints and outbox stay its own
/// tables; it calls this where it updates them (inside the same transaction when it has one), and readers read only
/// what Storage defines (<see cref="Sqlite.SqliteAlerterHealth"/>, read by <see cref="Sqlite.SqliteStorageReader"/>).
/// </summary>
public interface IAlerterHealthWriter
{
    /// <summary>A committed or confirmed scan of <paramref name="source"/> (a file path or <c>journal:...</c>).
    /// <paramref name="position"/> is the byte offset of a file or the entries read from a journal; null keeps the
    /// stored one (0 for a source not seen before).</summary>
    void RecordScan(string source, string host, DateTimeOffset lastScan, long? position);

    /// <summary>A scan that read nothing: moves the last scan of a source already recorded, records nothing new.</summary>
    void TouchScan(string source, DateTimeOffset lastScan);

    /// <summary>Why the source cannot be read (text the Alerter wrote; untrusted names inside).</summary>
    void RecordProblem(string source, string host, string problem);

    /// <summary>The source reads again; a source known only by its problem disappears.</summary>
    void ClearProblem(string source);

    /// <summary>The outbox as it stands after a change.</summary>
    void RecordOutbox(OutboxHealth outbox);
}
