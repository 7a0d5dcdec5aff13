using Microsoft.Data.Sqlite;
using Storage.Events;
using Storage.Schema;

namespace Storage.Sqlite;

/// <summary>
/// <see cref="IEventStore"/> over <c>haproxy_event</c> in the Alerter's SQLite file (<see cref="EventTable"/>), on the
/// caller's connection and inside its transaction (null: each statement commits on its own). The only SQL over the
/// table outside the read-only <see cref="SqliteStorageReader"/>.
/// </summary>
public sealed class SqliteEventStore(SqliteConnection connection, SqliteTransaction? transaction = null) : IEventStore
{
    private const string Columns = """
        id, idempotency_key, host, proxy, server, kind, severity, time_unix_ms, observed_unix_ms, reason, check_info,
        check_code, check_duration_ms, active_left, backup_left, is_backup, via, pid, message, line, source, dispatched
        """;

    public int Append(IReadOnlyList<EventRow> rows, bool markDispatched = false)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        using var command = Command("""
            INSERT OR IGNORE INTO haproxy_event
                (idempotency_key, host, proxy, server, kind, time_unix_ms, observed_unix_ms, reason, check_info,
                 check_code, check_duration_ms, active_left, backup_left, is_backup, via, pid, message, line, source, dispatched)
            VALUES ($key, $host, $proxy, $server, $kind, $time, $observed, $reason, $info,
                 $code, $duration, $active, $backup, $isBackup, $via, $pid, $message, $line, $source, $dispatched)
            """);
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "key", "host", "proxy", "server", "kind", "time", "observed", "reason", "info", "code", "duration", "active", "backup", "isBackup", "via", "pid", "message", "line", "source", "dispatched" })
        {
            p[name] = command.Parameters.Add("$" + name, SqliteType.Text);
        }
        command.Prepare();
        var inserted = 0;
        foreach (var row in rows)
        {
            var e = row.Event;
            p["key"].Value = row.IdempotencyKey;
            p["host"].Value = row.Host;
            p["proxy"].Value = e.Proxy;
            p["server"].Value = (object?)e.Server ?? DBNull.Value;
            p["kind"].Value = EventKinds.NameOf(e.Kind);
            p["time"].Value = (e.Timestamp ?? row.Observed).ToUnixTimeMilliseconds();
            p["observed"].Value = row.Observed.ToUnixTimeMilliseconds();
            p["reason"].Value = (object?)e.Reason ?? DBNull.Value;
            p["info"].Value = (object?)e.CheckInfo ?? DBNull.Value;
            p["code"].Value = (object?)e.CheckCode ?? DBNull.Value;
            p["duration"].Value = (object?)e.CheckDurationMs ?? DBNull.Value;
            p["active"].Value = (object?)e.ActiveLeft ?? DBNull.Value;
            p["backup"].Value = (object?)e.BackupLeft ?? DBNull.Value;
            p["isBackup"].Value = e.IsBackupServer ? 1 : 0;
            p["via"].Value = (object?)e.Via ?? DBNull.Value;
            p["pid"].Value = (object?)e.Pid ?? DBNull.Value;
            p["message"].Value = e.Message;
            p["line"].Value = row.Line;
            p["source"].Value = row.Source;
            p["dispatched"].Value = markDispatched ? 1 : 0;
            inserted += command.ExecuteNonQuery();
        }
        return inserted;
    }

    public IReadOnlyList<StoredEventRow> ReadPending(int limit)
    {
        using var command = Command($"SELECT {Columns} FROM haproxy_event WHERE dispatched = 0 ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$limit", limit);
        return Read(command);
    }

    public IReadOnlyList<StoredEventRow> ReadByIds(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        // json_each keeps it one statement with one parameter however many ids there are.
        using var command = Command($"SELECT {Columns} FROM haproxy_event WHERE id IN (SELECT value FROM json_each($ids)) ORDER BY id");
        command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        return Read(command);
    }

    public IReadOnlyList<StoredEventRow> ReadRecent(string host, string proxy, string server, DateTimeOffset until, int count)
    {
        using var command = Command($"""
            SELECT {Columns} FROM haproxy_event
            WHERE host = $host AND proxy = $proxy AND server = $server AND time_unix_ms <= $until
            ORDER BY time_unix_ms DESC, id DESC LIMIT $count
            """);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$proxy", proxy);
        command.Parameters.AddWithValue("$server", server);
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$count", count);
        var rows = Read(command);
        rows.Reverse();
        return rows;
    }

    public void MarkDispatched(IEnumerable<(long Id, string Severity)> rows)
    {
        using var command = Command("UPDATE haproxy_event SET severity = $severity, dispatched = 1 WHERE id = $id");
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var severity = command.Parameters.Add("$severity", SqliteType.Text);
        foreach (var row in rows)
        {
            id.Value = row.Id;
            severity.Value = row.Severity;
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<StoredEventRow> ReadDispatchedAfter(long cursor, int limit)
    {
        using var command = Command($"SELECT {Columns} FROM haproxy_event WHERE id > $cursor ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$cursor", cursor);
        command.Parameters.AddWithValue("$limit", limit);
        var rows = Read(command);
        var handled = rows.FindIndex(r => !r.Dispatched);
        return handled < 0 ? rows : rows[..handled];
    }

    public long CountAfter(long cursor)
    {
        using var command = Command("SELECT count(*) FROM haproxy_event WHERE id > $cursor");
        command.Parameters.AddWithValue("$cursor", cursor);
        return (long)command.ExecuteScalar()!;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static List<StoredEventRow> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<StoredEventRow>();
        while (reader.Read())
        {
            rows.Add(new StoredEventRow
            {
                Id = reader.GetInt64(0),
                IdempotencyKey = reader.GetString(1),
                Host = reader.GetString(2),
                Proxy = reader.GetString(3),
                Server = reader.IsDBNull(4) ? null : reader.GetString(4),
                Kind = reader.GetString(5),
                Severity = reader.IsDBNull(6) ? null : reader.GetString(6),
                Time = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                Observed = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                Reason = reader.IsDBNull(9) ? null : reader.GetString(9),
                CheckInfo = reader.IsDBNull(10) ? null : reader.GetString(10),
                CheckCode = reader.IsDBNull(11) ? null : reader.GetInt32(11),
                CheckDurationMs = reader.IsDBNull(12) ? null : reader.GetInt32(12),
                ActiveLeft = reader.IsDBNull(13) ? null : reader.GetInt32(13),
                BackupLeft = reader.IsDBNull(14) ? null : reader.GetInt32(14),
                IsBackup = reader.GetInt64(15) != 0,
                Via = reader.IsDBNull(16) ? null : reader.GetString(16),
                Pid = reader.IsDBNull(17) ? null : reader.GetInt32(17),
                Message = reader.GetString(18),
                Line = reader.GetString(19),
                Source = reader.GetString(20),
                Dispatched = reader.GetInt64(21) != 0,
            });
        }
        return rows;
    }
}
