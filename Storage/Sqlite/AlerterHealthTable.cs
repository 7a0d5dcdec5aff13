using Microsoft.Data.Sqlite;

namespace Storage.Sqlite;

/// <summary>
/// The Alerter's published health in its SQLite file: <c>alerter_source_health</c> (one row per log source) and
/// <c>alerter_outbox_health</c> (one row). Storage's tables, written through <see cref="SqliteAlerterHealth"/> and
/// read by <see cref="SqliteStorageReader"/>; the Alerter's checkpoints and outbox are never read outside the Alerter.
/// </summary>
public static class AlerterHealthTable
{
    public const string Sources = "alerter_source_health";
    public const string Outbox = "alerter_outbox_health";

    /// <summary>True when the tables exist (a store written before this release has none until the Alerter runs).</summary>
    public static bool Exists(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ($sources, $outbox)";
        command.Parameters.AddWithValue("$sources", Sources);
        command.Parameters.AddWithValue("$outbox", Outbox);
        return (long)command.ExecuteScalar()! == 2;
    }

    public static void Ensure(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS alerter_source_health (
                source            TEXT    PRIMARY KEY,  -- log file path or journal:...
                host              TEXT    NOT NULL,
                last_scan_unix_ms INTEGER,              -- null: never scanned (known by its problem only)
                position          INTEGER NOT NULL DEFAULT 0,  -- file: byte offset; journal: entries read
                problem           TEXT                  -- why it cannot be read; null when it reads
            );
            CREATE TABLE IF NOT EXISTS alerter_outbox_health (
                id                 INTEGER PRIMARY KEY CHECK (id = 1),
                pending            INTEGER NOT NULL,
                oldest_due_unix_ms INTEGER,
                last_error         TEXT
            );
            """;
        command.ExecuteNonQuery();
    }
}
