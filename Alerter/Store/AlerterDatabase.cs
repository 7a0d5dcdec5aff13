using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Alerter.Store;

/// <summary>
/// The Alerter's SQLite database (checkpoints, events, outbox). Every connection gets WAL, a busy timeout and
/// foreign keys; <see cref="EnsureSchemas"/> creates the tables of every registered <see cref="IAlerterSchema"/>.
/// </summary>
public sealed class AlerterDatabase
{
    /// <summary>How long a writer waits for another writer before SQLITE_BUSY: 10 s.</summary>
    public const int BusyTimeoutMs = 10_000;

    private readonly IEnumerable<IAlerterSchema> _schemas;
    private readonly string _connectionString;
    private int _ensured;

    public AlerterDatabase(IOptions<AlerterStoreOptions> options, IEnumerable<IAlerterSchema> schemas)
        : this(options.Value.DatabasePath, schemas)
    {
    }

    public AlerterDatabase(string path, IEnumerable<IAlerterSchema> schemas)
    {
        Path = path;
        _schemas = schemas;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens a connection with WAL, busy_timeout and foreign keys on.</summary>
    public SqliteConnection Open()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Creates missing tables of every registered schema (idempotent; done once per process).</summary>
    public void EnsureSchemas()
    {
        using var connection = Open();
        foreach (var schema in _schemas)
        {
            schema.Ensure(connection);
        }
        Interlocked.Exchange(ref _ensured, 1);
    }

    /// <summary>Opens a connection, ensuring the schemas first if nobody did yet in this process.</summary>
    public SqliteConnection OpenEnsured()
    {
        if (Volatile.Read(ref _ensured) == 0)
        {
            EnsureSchemas();
        }
        return Open();
    }
}
