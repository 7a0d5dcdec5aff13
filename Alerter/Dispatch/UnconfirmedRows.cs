using Alerter.Policy;
using Alerter.Store;
using Microsoft.Data.Sqlite;

namespace Alerter.Dispatch;

/// <summary>
/// <c>alert_unconfirmed_outage</c>: the ids of outage events the policy hid because their servers flap and holds for
/// the Collector's numbers to confirm (<see cref="PolicyDecision.Unconfirmed"/>). Written in the dispatch transaction,
/// so a restart keeps waiting for the same events.
/// </summary>
public sealed class UnconfirmedRows : IAlerterSchema
{
    public void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS alert_unconfirmed_outage (event_id INTEGER PRIMARY KEY)";
        command.ExecuteNonQuery();
    }

    public static List<long> Load(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT event_id FROM alert_unconfirmed_outage ORDER BY event_id";
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    public static void Replace(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<PolicyEvent> events)
    {
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM alert_unconfirmed_outage";
            clear.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO alert_unconfirmed_outage (event_id) VALUES ($id)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        foreach (var e in events)
        {
            id.Value = e.Id;
            insert.ExecuteNonQuery();
        }
    }
}
