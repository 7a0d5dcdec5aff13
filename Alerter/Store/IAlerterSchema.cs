using Microsoft.Data.Sqlite;

namespace Alerter.Store;

/// <summary>One concern's tables in the Alerter database; every registered schema is ensured at start.</summary>
public interface IAlerterSchema
{
    /// <summary>Creates missing tables and indexes (idempotent).</summary>
    void Ensure(SqliteConnection connection);
}
