using Microsoft.Data.Sqlite;
using Storage.Health;

namespace Storage.Sqlite;

/// <summary><see cref="IAlerterHealthWriter"/> over <see cref="AlerterHealthTable"/>, on the caller's connection and
/// inside its transaction (null: each call commits on its own).</summary>
public sealed class SqliteAlerterHealth(SqliteConnection connection, SqliteTransaction? transaction = null) : IAlerterHealthWriter
{
    public void RecordScan(string source, string host, DateTimeOffset lastScan, long? position) => Execute("""
        INSERT INTO alerter_source_health (source, host, last_scan_unix_ms, position) VALUES ($source, $host, $scan, COALESCE($position, 0))
        ON CONFLICT (source) DO UPDATE SET host = excluded.host, last_scan_unix_ms = excluded.last_scan_unix_ms,
            position = COALESCE($position, alerter_source_health.position)
        """, source, host, lastScan, position, null);

    public void TouchScan(string source, DateTimeOffset lastScan) =>
        Execute("UPDATE alerter_source_health SET last_scan_unix_ms = $scan WHERE source = $source", source, null, lastScan, null, null);

    public void RecordProblem(string source, string host, string problem) => Execute("""
        INSERT INTO alerter_source_health (source, host, problem) VALUES ($source, $host, $problem)
        ON CONFLICT (source) DO UPDATE SET problem = excluded.problem
        """, source, host, null, null, problem);

    public void ClearProblem(string source) => Execute("""
        UPDATE alerter_source_health SET problem = NULL WHERE source = $source;
        DELETE FROM alerter_source_health WHERE source = $source AND last_scan_unix_ms IS NULL;
        """, source, null, null, null, null);

    public void RecordOutbox(OutboxHealth outbox)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO alerter_outbox_health (id, pending, oldest_due_unix_ms, last_error) VALUES (1, $pending, $due, $error)
            ON CONFLICT (id) DO UPDATE SET pending = excluded.pending, oldest_due_unix_ms = excluded.oldest_due_unix_ms,
                last_error = excluded.last_error
            """;
        command.Parameters.AddWithValue("$pending", outbox.Pending);
        command.Parameters.AddWithValue("$due", (object?)outbox.OldestDue?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)outbox.LastError ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql, string source, string? host, DateTimeOffset? lastScan, long? position, string? problem)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$host", (object?)host ?? DBNull.Value);
        command.Parameters.AddWithValue("$scan", (object?)lastScan?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$position", (object?)position ?? DBNull.Value);
        command.Parameters.AddWithValue("$problem", (object?)problem ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
