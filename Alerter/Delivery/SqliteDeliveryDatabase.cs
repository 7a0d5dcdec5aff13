using Alerter.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Alerter.Delivery;

/// <summary>
/// Opens <see cref="AlerterStoreOptions.DatabasePath"/> with WAL and a busy timeout, and ensures every registered
/// <see cref="IAlerterSchema"/> once per process.
/// </summary>
public sealed class SqliteDeliveryDatabase(IOptions<AlerterStoreOptions> options, IEnumerable<IAlerterSchema> schemas) : IDeliveryDatabase
{
    private readonly object _gate = new();
    private bool _ensured;

    public SqliteConnection Open()
    {
        var path = options.Value.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection($"Data Source={path};Default Timeout=10");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }
        lock (_gate)
        {
            if (!_ensured)
            {
                foreach (var schema in schemas)
                {
                    schema.Ensure(connection);
                }
                _ensured = true;
            }
        }
        return connection;
    }
}
