using Alerter.Messages.Templates;
using Alerter.Policy;
using Alerter.Store;
using Microsoft.Data.Sqlite;
using Storage.Health;
using Storage.Sqlite;

namespace Alerter.Sending.Outbox;

/// <summary>Reads and updates <c>alert_outbox</c>. Every state change is its own short transaction.</summary>
public sealed class OutboxStore(IDeliveryDatabase database)
{
    private const string Columns = "id, outbox_key, channel, recipient, severity, subject, body, message_id, attempts, in_flight, created_unix_ms, host, proxy, server, event_unix_ms, html_summary";

    /// <summary>Adds a row unless its key exists (a re-dispatch is a no-op). Returns true when added.</summary>
    /// <param name="message">Subject and body; its HTML block is stored for email rows only.</param>
    public static bool Insert(SqliteConnection connection, SqliteTransaction transaction, string alertKey, Alert alert, Recipient recipient, RenderedMessage message, DateTimeOffset now)
    {
        var outboxKey = $"{alertKey}|{recipient.Channel}|{recipient.Address}";
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO alert_outbox (outbox_key, alert_key, channel, recipient, severity, host, proxy, server, event_unix_ms, subject, body, html_summary, message_id, created_unix_ms, next_attempt_unix_ms)
            VALUES ($key, $alert, $channel, $recipient, $severity, $host, $proxy, $server, $event, $subject, $body, $html, $mid, $now, $now)
            """;
        command.Parameters.AddWithValue("$key", outboxKey);
        command.Parameters.AddWithValue("$alert", alertKey);
        command.Parameters.AddWithValue("$channel", recipient.Channel.ToString());
        command.Parameters.AddWithValue("$recipient", recipient.Address);
        command.Parameters.AddWithValue("$severity", alert.Severity.StoredName());
        command.Parameters.AddWithValue("$host", alert.Host);
        command.Parameters.AddWithValue("$proxy", alert.Proxy);
        command.Parameters.AddWithValue("$server", (object?)ContextServer(alert) ?? DBNull.Value);
        command.Parameters.AddWithValue("$event", (alert.Events.Count > 0 ? alert.Events[^1].Time : alert.DecidedAt).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$subject", message.Subject);
        command.Parameters.AddWithValue("$body", message.Body);
        command.Parameters.AddWithValue("$html", recipient.Channel == AlertChannel.Email && message.HtmlSummary.Length > 0 ? message.HtmlSummary : DBNull.Value);
        command.Parameters.AddWithValue("$mid", AlertKeys.From("message-id", [outboxKey]));
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// The server whose traffic the email shows: the alert's own, or the one server all its events are about;
    /// null when the events span several servers or the backend itself (then the backend's series only).
    /// </summary>
    private static string? ContextServer(Alert alert)
    {
        if (alert.Server is not null)
        {
            return alert.Server;
        }
        var servers = alert.Events.Select(e => e.Server).Distinct().ToList();
        return servers is [{ } only] ? only : null;
    }

    /// <summary>
    /// The oldest pending row of every recipient whose next attempt is due: later rows of a recipient wait behind
    /// its head, which keeps delivery in order per recipient.
    /// </summary>
    public IReadOnlyList<OutboxMessage> DueHeads(DateTimeOffset now, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM alert_outbox o
            WHERE status = 'pending' AND next_attempt_unix_ms <= $now
              AND id = (SELECT MIN(id) FROM alert_outbox h WHERE h.status = 'pending' AND h.channel = o.channel AND h.recipient = o.recipient)
            ORDER BY id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<OutboxMessage>();
        while (reader.Read())
        {
            rows.Add(new OutboxMessage(
                reader.GetInt64(0), reader.GetString(1), Enum.Parse<AlertChannel>(reader.GetString(2)), reader.GetString(3),
                SeverityNames.FromStored(reader.GetString(4)), reader.GetString(5), reader.GetString(6),
                reader.GetString(7), (int)reader.GetInt64(8), reader.GetInt64(9) != 0,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                reader.GetString(11), reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)),
                reader.IsDBNull(15) ? null : reader.GetString(15)));
        }
        return rows;
    }

    /// <summary>Marks the start of a send (committed before any byte goes out), so a crash mid-send is visible after restart.</summary>
    public void MarkInFlight(long id, DateTimeOffset now)
        => Execute("UPDATE alert_outbox SET in_flight = 1, attempts = attempts + 1 WHERE id = $id", id, now, null, null);

    public void MarkSent(long id, DateTimeOffset now)
        => Execute("UPDATE alert_outbox SET status = 'sent', in_flight = 0, sent_unix_ms = $now, last_error = NULL WHERE id = $id", id, now, null, null);

    public void MarkRetry(long id, DateTimeOffset nextAttempt, string error)
        => Execute("UPDATE alert_outbox SET in_flight = 0, next_attempt_unix_ms = $next, last_error = $error WHERE id = $id", id, nextAttempt, nextAttempt, error);

    public void MarkFailed(long id, DateTimeOffset now, string error)
        => Execute("UPDATE alert_outbox SET status = 'failed', in_flight = 0, last_error = $error WHERE id = $id", id, now, null, error);

    /// <summary>Undoes an in-flight mark when a send was never attempted (channel known to be down this pass).</summary>
    public void Postpone(long id, DateTimeOffset nextAttempt)
        => Execute("UPDATE alert_outbox SET next_attempt_unix_ms = $next WHERE id = $id", id, nextAttempt, nextAttempt, null);

    public OutboxSnapshot Snapshot()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM alert_outbox WHERE status = 'pending'),
                   (SELECT COUNT(*) FROM alert_outbox WHERE status = 'failed'),
                   (SELECT sent_unix_ms FROM alert_outbox WHERE status = 'sent' ORDER BY sent_unix_ms DESC LIMIT 1),
                   (SELECT recipient FROM alert_outbox WHERE status = 'sent' ORDER BY sent_unix_ms DESC LIMIT 1),
                   (SELECT last_error FROM alert_outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1),
                   (SELECT COUNT(*) FROM alert_unrouted),
                   (SELECT description FROM alert_unrouted ORDER BY decided_unix_ms DESC LIMIT 1)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new OutboxSnapshot(
            reader.GetInt64(0), reader.GetInt64(1),
            reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetInt64(5),
            reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    /// <summary>Records an alert no route sent to anyone (once per alert key), in the dispatch transaction.</summary>
    public static void InsertUnrouted(SqliteConnection connection, SqliteTransaction transaction, string alertKey, string severity, string description, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO alert_unrouted (alert_key, severity, description, decided_unix_ms) VALUES ($key, $severity, $description, $now)";
        command.Parameters.AddWithValue("$key", alertKey);
        command.Parameters.AddWithValue("$severity", severity);
        command.Parameters.AddWithValue("$description", description);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    private void Execute(string sql, long id, DateTimeOffset now, DateTimeOffset? next, string? error)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$next", (object?)next?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.ExecuteNonQuery();
        PublishHealth(connection, transaction);
        transaction.Commit();
    }

    /// <summary>
    /// Publishes the outbox's health (Storage's <see cref="SqliteAlerterHealth"/>: pending, oldest due, newest pending
    /// error) after a change, in the change's transaction, so readers never read <c>alert_outbox</c> itself.
    /// </summary>
    public static void PublishHealth(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT count(*), (SELECT last_error FROM alert_outbox WHERE status = 'pending' AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1),
                   min(next_attempt_unix_ms)
            FROM alert_outbox WHERE status = 'pending'
            """;
        OutboxHealth health;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            health = new OutboxHealth(reader.GetInt64(0), reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(1) ? null : reader.GetString(1));
        }
        new SqliteAlerterHealth(connection, transaction).RecordOutbox(health);
    }
}
