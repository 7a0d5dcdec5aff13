using Alerter.Store;
using Microsoft.Data.Sqlite;

namespace Alerter.Sending.Outbox;

/// <summary>
/// <c>alert_outbox</c>: one row per (alert, channel, recipient), unique <c>outbox_key</c>, so a re-dispatch never
/// adds a second row. Delivery state per row: attempts, next attempt, last error, in-flight mark, sent time.
/// <c>alert_flap_state</c>: flap detection per server, so it survives restarts.
/// <c>alert_unrouted</c>: alerts no route sent to anyone, one row per alert key, counted by <c>alerter status</c>.
/// </summary>
public sealed class OutboxSchema : IAlerterSchema
{
    public void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS alert_outbox (
                id                   INTEGER PRIMARY KEY AUTOINCREMENT,
                outbox_key           TEXT    NOT NULL UNIQUE,  -- alert key + channel + recipient
                alert_key            TEXT    NOT NULL,         -- from the covered events' idempotency keys
                channel              TEXT    NOT NULL,         -- Email, SmsEmail, SmsHttp
                recipient            TEXT    NOT NULL,
                severity             TEXT    NOT NULL,
                host                 TEXT    NOT NULL,
                proxy                TEXT    NOT NULL,
                server               TEXT,                     -- the alert's server (traffic context); NULL for backend events
                event_unix_ms        INTEGER,                  -- the transition's log time (traffic context)
                subject              TEXT    NOT NULL,
                body                 TEXT    NOT NULL,
                html_summary         TEXT,                     -- "what happened" block of the HTML part (email rows)
                message_id           TEXT    NOT NULL,         -- Message-ID derived from outbox_key
                created_unix_ms      INTEGER NOT NULL,
                status               TEXT    NOT NULL DEFAULT 'pending',  -- pending, sent, failed
                attempts             INTEGER NOT NULL DEFAULT 0,
                next_attempt_unix_ms INTEGER NOT NULL,
                in_flight            INTEGER NOT NULL DEFAULT 0,  -- 1 while a send is under way (crash => maybe sent)
                last_error           TEXT,
                sent_unix_ms         INTEGER
            );
            CREATE INDEX IF NOT EXISTS alert_outbox_pending ON alert_outbox (status, channel, recipient, id);
            CREATE TABLE IF NOT EXISTS alert_flap_state (
                host            TEXT    NOT NULL,
                proxy           TEXT    NOT NULL,
                server          TEXT    NOT NULL,
                changes         TEXT    NOT NULL,  -- unix ms of recent state changes, comma separated
                flapping        INTEGER NOT NULL,
                last_change_ms  INTEGER,
                last_kind       TEXT,
                PRIMARY KEY (host, proxy, server)
            );
            CREATE TABLE IF NOT EXISTS alert_unrouted (
                alert_key       TEXT    PRIMARY KEY,
                severity        TEXT    NOT NULL,
                description     TEXT    NOT NULL,  -- severity, kind, host, proxy/server: what the warning said
                decided_unix_ms INTEGER NOT NULL
            );
            """;
        command.ExecuteNonQuery();
        AddMissingColumns(connection);
        HealthTables.Ensure(connection);
        // Published at every start, so a reader sees "0 pending" for a configured outbox that never held a row.
        OutboxStore.PublishHealth(connection, null);
    }

    /// <summary>A database made before the HTML part gets its columns; its queued rows go out as plain text.</summary>
    private static void AddMissingColumns(SqliteConnection connection)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('alert_outbox')";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }
        foreach (var (name, type) in new[] { ("server", "TEXT"), ("event_unix_ms", "INTEGER"), ("html_summary", "TEXT") })
        {
            if (!existing.Contains(name))
            {
                using var alter = connection.CreateCommand();
                alter.CommandText = $"ALTER TABLE alert_outbox ADD COLUMN {name} {type}";
                alter.ExecuteNonQuery();
            }
        }
    }
}
