using Microsoft.Data.Sqlite;

namespace Storage.Events;

/// <summary>
/// <c>haproxy_event</c> in the Alerter's SQLite file: every state transition read from a log or ring, once (unique
/// idempotency key: host, proxy/server, kind, log timestamp). Written through <see cref="Sqlite.SqliteEventStore"/> in the same
/// transaction as the scanners' checkpoint (so the Alerter's file holds it, not the Collector's); read by the
/// dispatcher, which sets <c>severity</c> and <c>dispatched</c>, and by <see cref="Sqlite.SqliteStorageReader"/>.
/// <c>kind</c> holds the names of <see cref="Schema.EventKinds"/>.
/// </summary>
public static class EventTable
{
    public const string Name = "haproxy_event";

    public static void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS haproxy_event (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT    NOT NULL UNIQUE,
                host            TEXT    NOT NULL,
                proxy           TEXT    NOT NULL,
                server          TEXT,
                kind            TEXT    NOT NULL,  -- Storage.Schema.EventKinds name
                severity        TEXT,              -- set by the dispatcher: critical, warning, recovery, info
                time_unix_ms    INTEGER NOT NULL,  -- from the log line (observed time when the line has none)
                observed_unix_ms INTEGER NOT NULL,
                reason          TEXT,
                check_info      TEXT,
                check_code      INTEGER,
                check_duration_ms INTEGER,
                active_left     INTEGER,
                backup_left     INTEGER,
                is_backup       INTEGER NOT NULL DEFAULT 0,
                via             TEXT,
                pid             INTEGER,
                message         TEXT    NOT NULL,
                line            TEXT    NOT NULL,
                source          TEXT    NOT NULL,  -- log file path, or ring@endpoint
                dispatched      INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX IF NOT EXISTS haproxy_event_pending ON haproxy_event (dispatched, id);
            CREATE INDEX IF NOT EXISTS haproxy_event_server_time ON haproxy_event (host, proxy, server, time_unix_ms);
            CREATE INDEX IF NOT EXISTS haproxy_event_time ON haproxy_event (time_unix_ms);
            """;
        command.ExecuteNonQuery();
    }
}
