using Storage.Schema;
using Alerter.Messages.Templates;
using Alerter.Policy;
using HAProxy.Logs;
using Microsoft.Data.Sqlite;

namespace Alerter.Dispatch;

/// <summary>Reads <c>haproxy_event</c> rows for the dispatcher (inside its transaction).</summary>
internal static class EventRows
{
    private const string Columns = "id, idempotency_key, host, proxy, server, kind, time_unix_ms, reason, check_info, check_code, check_duration_ms, active_left, backup_left, is_backup, via, message, line";

    /// <summary>Undispatched rows in id order; rows with a kind this build does not know are returned in <paramref name="unknown"/>.</summary>
    public static List<PolicyEvent> ReadPending(SqliteConnection connection, SqliteTransaction transaction, int limit, List<long> unknown)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM haproxy_event WHERE dispatched = 0 ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        return Read(command, unknown);
    }

    /// <summary>The outage events held for the numbers (<see cref="UnconfirmedRows"/>), in id order.</summary>
    public static List<PolicyEvent> ReadUnconfirmed(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM haproxy_event WHERE id IN (SELECT event_id FROM alert_unconfirmed_outage) ORDER BY id";
        return Read(command, []);
    }

    private static List<PolicyEvent> Read(SqliteCommand command, List<long> unknown)
    {
        using var reader = command.ExecuteReader();
        var events = new List<PolicyEvent>();
        while (reader.Read())
        {
            if (!EventKinds.TryParse(reader.GetString(5), out var kind))
            {
                unknown.Add(reader.GetInt64(0));
                continue;
            }
            events.Add(new PolicyEvent
            {
                Id = reader.GetInt64(0),
                Key = reader.GetString(1),
                Host = reader.GetString(2),
                Proxy = reader.GetString(3),
                Server = reader.IsDBNull(4) ? null : reader.GetString(4),
                Kind = kind,
                Time = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                Reason = reader.IsDBNull(7) ? null : reader.GetString(7),
                CheckInfo = reader.IsDBNull(8) ? null : reader.GetString(8),
                CheckCode = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                CheckDurationMs = reader.IsDBNull(10) ? null : reader.GetInt32(10),
                ActiveLeft = reader.IsDBNull(11) ? null : reader.GetInt32(11),
                BackupLeft = reader.IsDBNull(12) ? null : reader.GetInt32(12),
                IsBackup = reader.GetInt64(13) != 0,
                Via = reader.IsDBNull(14) ? null : reader.GetString(14),
                Message = reader.GetString(15),
                Line = reader.GetString(16),
            });
        }
        return events;
    }

    /// <summary>The last <paramref name="count"/> transitions of a server up to <paramref name="until"/>, oldest first.</summary>
    public static IReadOnlyList<RecentTransition> Recent(SqliteConnection connection, SqliteTransaction transaction, ServerKey server, DateTimeOffset until, int count)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT time_unix_ms, kind, reason FROM haproxy_event
            WHERE host = $host AND proxy = $proxy AND server = $server AND time_unix_ms <= $until
            ORDER BY time_unix_ms DESC, id DESC LIMIT $count
            """;
        command.Parameters.AddWithValue("$host", server.Host);
        command.Parameters.AddWithValue("$proxy", server.Proxy);
        command.Parameters.AddWithValue("$server", server.Server);
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var list = new List<RecentTransition>();
        while (reader.Read())
        {
            list.Add(new RecentTransition(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        list.Reverse();
        return list;
    }

    public static void MarkDispatched(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(long Id, string Severity)> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE haproxy_event SET severity = $severity, dispatched = 1 WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var severity = command.Parameters.Add("$severity", SqliteType.Text);
        foreach (var row in rows)
        {
            id.Value = row.Id;
            severity.Value = row.Severity;
            command.ExecuteNonQuery();
        }
    }
}
