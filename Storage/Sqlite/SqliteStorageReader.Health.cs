using System.Text.Json;
using Storage.Reading;
using Storage.Samples;
using Storage.Schema;

namespace Storage.Sqlite;

public sealed partial class SqliteStorageReader
{
    // The Alerter's own tables, read here only for the health strip (their writers live in the Alerter).
    private const string CheckpointTable = "log_checkpoint";
    private const string JournalCheckpointTable = "journal_checkpoint";
    private const string SourceProblemTable = "log_source_problem";
    private const string OutboxTable = "alert_outbox";

    public Task<SuiteHealth> GetHealthAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Guarded(ReadHealth, CollectorDatabase, AlerterDatabase), cancellationToken);

    private SuiteHealth ReadHealth()
    {
        var endpoints = new List<EndpointHealth>();
        var sinks = new List<SinkHealth>();
        using (var connection = OpenCollector())
        {
            if (connection is not null)
            {
                var fieldSets = new FieldSetCache(connection);
                var schema = StorageSchema.Get(Measurements.Collector);
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT s.host, s.tags, x.ts, x.field_set, x.vals
                    FROM series s
                    JOIN sample x ON x.series_id = s.id AND x.ts = (SELECT max(ts) FROM sample WHERE series_id = s.id)
                    WHERE s.measurement = $m AND s.tags <> '{}'
                    """;
                command.Parameters.AddWithValue("$m", Measurements.Collector);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var tags = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(1)) ?? [];
                    var time = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
                    var fields = ValueArrayReader.ReadAll(reader.GetString(4), fieldSets.Names(reader.GetInt64(3)), schema);
                    var error = fields.GetValueOrDefault(CollectorFields.Error).Text;
                    if (tags.TryGetValue(Measurements.EndpointTag, out var endpoint))
                    {
                        endpoints.Add(new EndpointHealth(reader.GetString(0), endpoint, time, Number(fields, CollectorFields.PollOk) == 1,
                            Number(fields, CollectorFields.PollDurationMs), error));
                    }
                    else if (tags.TryGetValue(Measurements.SinkTag, out var sink))
                    {
                        sinks.Add(new SinkHealth(reader.GetString(0), sink, time, Number(fields, CollectorFields.SinkOk) == 1,
                            (long?)Number(fields, CollectorFields.SpoolPoints), (long?)Number(fields, CollectorFields.DroppedPointsTotal), error));
                    }
                }
            }
        }
        var scans = new List<LogScanHealth>();
        long? outbox = null;
        string? deliveryError = null;
        DateTimeOffset? oldestDue = null;
        using (var connection = OpenAlerter())
        {
            if (connection is not null)
            {
                ReadLogScans(connection, scans);
                if (HasTable(connection, OutboxTable))
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = """
                        SELECT count(*), (SELECT last_error FROM alert_outbox WHERE status = 'pending' AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1),
                               min(next_attempt_unix_ms)
                        FROM alert_outbox WHERE status = 'pending'
                        """;
                    using var reader = command.ExecuteReader();
                    if (reader.Read())
                    {
                        outbox = reader.GetInt64(0);
                        deliveryError = NullableString(reader, 1);
                        oldestDue = reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
                    }
                }
            }
        }
        return new SuiteHealth(endpoints, sinks, scans, outbox, deliveryError, oldestDue);
    }

    /// <summary>File checkpoints, journal checkpoints, and the problems the Alerter recorded (a source that cannot be read
    /// may have no checkpoint at all: it appears with its problem and no last scan).</summary>
    private static void ReadLogScans(Microsoft.Data.Sqlite.SqliteConnection connection, List<LogScanHealth> scans)
    {
        var bySource = new SortedDictionary<string, LogScanHealth>(StringComparer.Ordinal);
        foreach (var (table, sql) in new[]
        {
            (CheckpointTable, "SELECT path, last_scan_unix_ms, offset FROM log_checkpoint"),
            (JournalCheckpointTable, "SELECT source, last_scan_unix_ms, entries FROM journal_checkpoint"),
        })
        {
            if (!HasTable(connection, table))
            {
                continue;
            }
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                bySource[reader.GetString(0)] = new LogScanHealth(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetInt64(2));
            }
        }
        if (HasTable(connection, SourceProblemTable))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT source, problem FROM log_source_problem";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var source = reader.GetString(0);
                bySource[source] = (bySource.GetValueOrDefault(source) ?? new LogScanHealth(source, null, 0)) with { Problem = reader.GetString(1) };
            }
        }
        scans.AddRange(bySource.Values);
    }

    private static double? Number(Dictionary<string, FieldValue> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value.AsDouble() : null;
}
