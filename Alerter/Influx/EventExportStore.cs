using Microsoft.Data.Sqlite;
using Storage.Sqlite;

namespace Alerter.Influx;

/// <summary>Moves the export cursor (the Alerter's own table) and reads the events after it through Storage's event store.</summary>
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
    public static List<ExportedEvent> ReadAfter(SqliteConnection connection, long cursor, int limit) =>
        [.. new SqliteEventStore(connection).ReadDispatchedAfter(cursor, limit).Select(r => new ExportedEvent(
            r.Id, r.Host, r.Proxy, r.Server, r.Kind, r.Severity, r.Time.ToUnixTimeMilliseconds(), r.Message, r.Reason, r.ActiveLeft, r.BackupLeft))];

    /// <summary>Events after the cursor (exported or not yet dispatched), for status.</summary>
    public static long CountAfter(SqliteConnection connection, long cursor) => new SqliteEventStore(connection).CountAfter(cursor);
}
