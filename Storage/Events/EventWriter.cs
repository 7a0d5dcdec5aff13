using Storage.Schema;
using Microsoft.Data.Sqlite;

namespace Storage.Events;

/// <summary>
/// Inserts events into <c>haproxy_event</c> by idempotency key (INSERT OR IGNORE), inside the caller's
/// transaction. Returns how many rows were new.
/// </summary>
public static class EventWriter
{
    public static int Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<EventRow> rows, bool markDispatched = false)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO haproxy_event
                (idempotency_key, host, proxy, server, kind, time_unix_ms, observed_unix_ms, reason, check_info,
                 check_code, check_duration_ms, active_left, backup_left, is_backup, via, pid, message, line, source, dispatched)
            VALUES ($key, $host, $proxy, $server, $kind, $time, $observed, $reason, $info,
                 $code, $duration, $active, $backup, $isBackup, $via, $pid, $message, $line, $source, $dispatched)
            """;
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
}
