using Microsoft.Data.Sqlite;
using Storage.Events;
using Storage.Reading;

namespace Storage.Sqlite;

public sealed partial class SqliteStorageReader
{
    public Task<EventPage> GetEventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        Task.Run(() => Guarded(() => ReadEvents(query), AlerterDatabase), cancellationToken);

    private EventPage ReadEvents(EventQuery query)
    {
        RangePlan.CheckWindow(query.From, query.To);
        var limit = Math.Clamp(query.Limit, 1, StorageLimits.MaxEvents);
        using var connection = OpenAlerter();
        if (connection is null || !HasTable(connection, EventTable.Name))
        {
            return new EventPage([], null);
        }
        using var command = connection.CreateCommand();
        var kinds = query.Kinds is { Count: > 0 } k ? $" AND kind IN ({Placeholders(command, "k", k)})" : "";
        var severities = query.Severities is { Count: > 0 } s ? $" AND severity IN ({Placeholders(command, "v", s)})" : "";
        // Newest first by the transition's own time; ties (one syslog second) by id. The page cursor is an event id:
        // the next page starts strictly after it in that order.
        command.CommandText = $"""
            SELECT id, time_unix_ms, host, proxy, server, kind, severity, message, active_left, backup_left, reason
            FROM haproxy_event
            WHERE time_unix_ms >= $from AND time_unix_ms <= $to
              AND ($host IS NULL OR host = $host) AND ($proxy IS NULL OR proxy = $proxy) AND ($server IS NULL OR server = $server)
              {kinds}{severities}
              AND ($before IS NULL OR time_unix_ms < (SELECT time_unix_ms FROM haproxy_event WHERE id = $before)
                   OR (time_unix_ms = (SELECT time_unix_ms FROM haproxy_event WHERE id = $before) AND id < $before))
            ORDER BY time_unix_ms DESC, id DESC
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$from", query.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", query.To.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$host", (object?)query.Host ?? DBNull.Value);
        command.Parameters.AddWithValue("$proxy", (object?)query.Proxy ?? DBNull.Value);
        command.Parameters.AddWithValue("$server", (object?)query.Server ?? DBNull.Value);
        command.Parameters.AddWithValue("$before", (object?)query.BeforeId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit + 1);
        var events = new List<StoredEvent>(limit);
        using var reader = command.ExecuteReader();
        var more = false;
        while (reader.Read())
        {
            if (events.Count == limit)
            {
                more = true;
                break;
            }
            events.Add(new StoredEvent(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetString(3),
                NullableString(reader, 4),
                reader.GetString(5),
                NullableString(reader, 6),
                reader.GetString(7),
                NullableLong(reader, 8),
                NullableLong(reader, 9),
                NullableString(reader, 10)));
        }
        return new EventPage(events, more ? events[^1].Id : null);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long? NullableLong(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
