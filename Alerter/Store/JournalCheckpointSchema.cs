using Microsoft.Data.Sqlite;

namespace Alerter.Store;

/// <summary>
/// <c>journal_checkpoint</c>: one row per journal source (<c>journal:system</c>, <c>journal:DIR</c>): the cursor of the
/// last entry whose events are stored, the occurrence ordinals of the last seconds (stable idempotency keys), when the
/// source last read or confirmed it was following, and cumulative counters. Written in the same transaction as the events.
/// </summary>
public sealed class JournalCheckpointSchema : IAlerterSchema
{
    public void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS journal_checkpoint (
                source             TEXT    PRIMARY KEY,
                host               TEXT    NOT NULL,
                cursor             TEXT,
                ordinal_state      TEXT    NOT NULL DEFAULT '',
                last_scan_unix_ms  INTEGER NOT NULL,
                last_entry_unix_ms INTEGER,
                entries            INTEGER NOT NULL DEFAULT 0,
                events             INTEGER NOT NULL DEFAULT 0,
                events_inserted    INTEGER NOT NULL DEFAULT 0,
                malformed          INTEGER NOT NULL DEFAULT 0,
                invalid_utf8       INTEGER NOT NULL DEFAULT 0
            );
            """;
        command.ExecuteNonQuery();
        HealthTables.Ensure(connection);
    }
}
