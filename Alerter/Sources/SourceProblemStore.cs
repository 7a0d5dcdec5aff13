using Microsoft.Data.Sqlite;
using Storage.Sqlite;

namespace Alerter.Sources;

/// <summary>Reads and writes <c>log_source_problem</c> rows, publishing each change to the health readers see
/// (Storage's <see cref="SqliteAlerterHealth"/>).</summary>
public static class SourceProblemStore
{
    /// <summary>Records the problem; <c>since</c> stays that of the first failure while the row exists.</summary>
    public static void Set(SqliteConnection connection, string source, string host, string problem, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction(); // the row and its published health together
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO log_source_problem (source, host, problem, since_unix_ms, checked_unix_ms) VALUES ($source, $host, $problem, $now, $now)
            ON CONFLICT (source) DO UPDATE SET host = excluded.host, problem = excluded.problem, checked_unix_ms = excluded.checked_unix_ms
            """;
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$host", host);
        command.Parameters.AddWithValue("$problem", problem);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        new SqliteAlerterHealth(connection, transaction).RecordProblem(source, host, problem);
        transaction.Commit();
    }

    public static void Clear(SqliteConnection connection, string source)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM log_source_problem WHERE source = $source";
        command.Parameters.AddWithValue("$source", source);
        command.ExecuteNonQuery();
        new SqliteAlerterHealth(connection, transaction).ClearProblem(source);
        transaction.Commit();
    }

    public static IReadOnlyList<SourceProblem> ReadAll(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, host, problem, since_unix_ms, checked_unix_ms FROM log_source_problem ORDER BY source";
        using var reader = command.ExecuteReader();
        var problems = new List<SourceProblem>();
        while (reader.Read())
        {
            problems.Add(new SourceProblem(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return problems;
    }
}
