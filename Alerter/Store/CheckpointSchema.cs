using Microsoft.Data.Sqlite;

namespace Alerter.Store;

/// <summary>
/// <c>log_checkpoint</c>: one row per scanned log path: which file (device, inode) was read up to which byte,
/// a fingerprint of its first bytes (copytruncate detection), the occurrence ordinals of the last second
/// (stable idempotency keys) and cumulative counters. Written in the same transaction as the events.
/// </summary>
public sealed class CheckpointSchema : IAlerterSchema
{
    public void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS log_checkpoint (
                path              TEXT    PRIMARY KEY,
                host              TEXT    NOT NULL,
                device            INTEGER NOT NULL,
                inode             INTEGER NOT NULL,
                offset            INTEGER NOT NULL,
                fingerprint_len   INTEGER NOT NULL,
                fingerprint       TEXT    NOT NULL,
                ordinal_state     TEXT    NOT NULL DEFAULT '',
                file_size         INTEGER NOT NULL DEFAULT 0,
                last_scan_unix_ms INTEGER NOT NULL,
                observed_unix_ms  INTEGER NOT NULL DEFAULT 0,
                copies_read_through_ticks INTEGER NOT NULL DEFAULT 0,
                last_event_unix_ms INTEGER,
                bytes_scanned     INTEGER NOT NULL DEFAULT 0,
                events            INTEGER NOT NULL DEFAULT 0,
                events_inserted   INTEGER NOT NULL DEFAULT 0,
                malformed         INTEGER NOT NULL DEFAULT 0,
                overlong          INTEGER NOT NULL DEFAULT 0,
                invalid_utf8      INTEGER NOT NULL DEFAULT 0,
                rotations         INTEGER NOT NULL DEFAULT 0,
                last_action       TEXT
            );
            """;
        command.ExecuteNonQuery();
        HealthTables.Ensure(connection);
    }
}
