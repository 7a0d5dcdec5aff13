using Alerter.Logs;
using Alerter.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerter.Tests.Support;

/// <summary>A real <see cref="LogFileScanner"/> over a temp database, plus queries on what it stored.</summary>
public sealed class ScanHarness
{
    public ScanHarness(string databasePath, LogScanOptions? options = null, TimeProvider? time = null, IFileSystemView? fileSystem = null)
    {
        Database = new AlerterDatabase(databasePath, [new EventSchema(), new CheckpointSchema()]);
        Options = options ?? new LogScanOptions { AssumedUtcOffset = TimeSpan.Zero };
        Scanner = new LogFileScanner(Database, fileSystem ?? new PhysicalFileSystemView(), Microsoft.Extensions.Options.Options.Create(Options), time ?? TimeProvider.System, NullLogger<LogFileScanner>.Instance);
    }

    public AlerterDatabase Database { get; }

    public LogScanOptions Options { get; }

    public LogFileScanner Scanner { get; }

    public Task<FileScanResult> ScanAsync(string path, StartPosition start = StartPosition.Beginning, string host = "lb1")
        => Scanner.ScanAsync(new LogFileTarget(path, host, start));

    public List<StoredEvent> Events()
    {
        using var connection = Database.OpenEnsured();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idempotency_key, proxy, server, kind, reason, line, source FROM haproxy_event ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<StoredEvent>();
        while (reader.Read())
        {
            rows.Add(new StoredEvent(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }
        return rows;
    }

    public Dictionary<string, long> CheckpointCounters(string path)
    {
        using var connection = Database.OpenEnsured();
        return ReadCheckpoint(connection, path);
    }

    public static Dictionary<string, long> ReadCheckpoint(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT offset, inode, events, events_inserted, malformed, overlong, invalid_utf8, rotations, bytes_scanned FROM log_checkpoint WHERE path = $p";
        command.Parameters.AddWithValue("$p", path);
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, long>();
        if (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                result[reader.GetName(i)] = reader.GetInt64(i);
            }
        }
        return result;
    }
}
