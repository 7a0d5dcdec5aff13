using Microsoft.Data.Sqlite;

namespace Alerter.Influx;

/// <summary>Reads events after the export cursor and moves the cursor, in the Alerter database.</summary>
public static class EventExportStore
{
    public static long ReadCursor(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_event_id FROM influx_event_export WHERE id = 1";
        return command.ExecuteScalar() is long id ? id : 0;
    }

    public static void WriteCursor(SqliteConnection connection, long lastEventId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO influx_event_export (id, last_event_id) VALUES (1, $id)
            ON CONFLICT (id) DO UPDATE SET last_event_id = excluded.last_event_id
            """;
        command.Parameters.AddWithValue("$id", lastEventId);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Up to <paramref name="limit"/> rows after <paramref name="cursor"/>, in id order, stopping at the first row
    /// the dispatcher has not handled yet: its severity is not known, and the cursor must never pass a row.
    /// </summary>
    public static List<ExportedEvent> ReadAfter(SqliteConnection connection, long cursor, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, host, proxy, server, kind, severity, time_unix_ms, message, reason, active_left, backup_left, dispatched
            FROM haproxy_event WHERE id > $cursor ORDER BY id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$cursor", cursor);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var events = new List<ExportedEvent>();
        while (reader.Read() && reader.GetInt64(11) != 0)
        {
            events.Add(new ExportedEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9),
                reader.IsDBNull(10) ? null : reader.GetInt64(10)));
        }
        return events;
    }

    /// <summary>Events after the cursor (exported or not yet dispatched), for status.</summary>
    public static long CountAfter(SqliteConnection connection, long cursor)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM haproxy_event WHERE id > $cursor";
        command.Parameters.AddWithValue("$cursor", cursor);
        return (long)command.ExecuteScalar()!;
    }
}
