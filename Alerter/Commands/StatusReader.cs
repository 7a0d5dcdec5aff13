using Alerter.Delivery;
using Alerter.Influx;
using Alerter.Logs;
using Alerter.Scheduling;
using Alerter.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerter.Commands;

/// <summary>Reads <see cref="StatusReport"/> from the database and the optional outbox status; no daemon needed.</summary>
public sealed class StatusReader(AlerterDatabase database, IOptions<LogScanOptions> options, IServiceProvider services, TimeProvider time)
{
    public StatusReport Read()
    {
        var now = time.GetUtcNow();
        var files = new Dictionary<string, FileStatus>(StringComparer.Ordinal);
        InfluxExportStatus? influx = null;
        if (File.Exists(database.Path))
        {
            using var connection = database.OpenEnsured();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT path, host, last_scan_unix_ms, offset, file_size, device, inode, events, events_inserted, malformed,
                       overlong, invalid_utf8, rotations, last_event_unix_ms, last_action
                FROM log_checkpoint ORDER BY path
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                files[reader.GetString(0)] = new FileStatus(reader.GetString(0), reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9),
                    reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12),
                    reader.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
                    reader.IsDBNull(14) ? null : reader.GetString(14));
            }
            reader.Close();
            influx = ReadInfluxExport(connection);
        }
        foreach (var target in LogSourceExpander.Expand(options.Value.Sources))
        {
            files.TryAdd(target.Path, new FileStatus(target.Path, target.Host, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null));
        }
        OutboxSnapshot? outbox = null;
        if (services.GetService<IOutboxStatus>() is { } status)
        {
            try
            {
                outbox = status.Read();
            }
            catch (SqliteException)
            {
                // The delivery tables do not exist before the first run.
            }
        }
        return new StatusReport(database.Path, [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)], outbox,
            LogScanSchedule.Period(options.Value, now), now, influx);
    }

    private static InfluxExportStatus? ReadInfluxExport(SqliteConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'influx_event_export'";
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return null; // the export was never configured here
        }
        var cursor = EventExportStore.ReadCursor(connection);
        return new InfluxExportStatus(cursor, EventExportStore.CountAfter(connection, cursor));
    }
}
