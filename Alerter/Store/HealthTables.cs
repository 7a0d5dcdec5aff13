using Microsoft.Data.Sqlite;
using Storage.Sqlite;

namespace Alerter.Store;

/// <summary>
/// Storage's health tables (<see cref="AlerterHealthTable"/>) in the Alerter's file, ensured by every schema whose
/// writes publish to them. A store an earlier release wrote has checkpoints and problems but no health tables: they
/// are created once and filled from the Alerter's own tables, so the page shows its sources before the next scan.
/// </summary>
public static class HealthTables
{
    public static void Ensure(SqliteConnection connection)
    {
        if (AlerterHealthTable.Exists(connection))
        {
            return;
        }
        using var transaction = connection.BeginTransaction();
        AlerterHealthTable.Ensure(connection, transaction);
        var health = new SqliteAlerterHealth(connection, transaction);
        foreach (var (table, sql) in new[]
        {
            ("log_checkpoint", "SELECT path, host, last_scan_unix_ms, offset FROM log_checkpoint"),
            ("journal_checkpoint", "SELECT source, host, last_scan_unix_ms, entries FROM journal_checkpoint"),
        })
        {
            if (!HasTable(connection, transaction, table))
            {
                continue;
            }
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                health.RecordScan(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3));
            }
        }
        if (HasTable(connection, transaction, "log_source_problem"))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT source, host, problem FROM log_source_problem";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                health.RecordProblem(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }
        }
        transaction.Commit();
    }

    private static bool HasTable(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()! != 0;
    }
}
