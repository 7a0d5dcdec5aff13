using Microsoft.Data.Sqlite;

namespace Alerter.Store;

/// <summary>
/// <c>log_source_problem</c>: one row per log source (file path or journal) that cannot be read now, with the reason
/// a person can act on, since when, and when it was last seen. Written by the worker, read by <c>alerter status</c> and
/// the web page's health strip; a source that reads again loses its row.
/// </summary>
public sealed class SourceProblemSchema : IAlerterSchema
{
    public void Ensure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS log_source_problem (
                source          TEXT    PRIMARY KEY,
                host            TEXT    NOT NULL,
                problem         TEXT    NOT NULL,
                since_unix_ms   INTEGER NOT NULL,
                checked_unix_ms INTEGER NOT NULL
            );
            """;
        command.ExecuteNonQuery();
        HealthTables.Ensure(connection);
    }
}
