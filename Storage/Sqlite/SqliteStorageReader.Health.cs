using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storage.Reading;
using Storage.Samples;
using Storage.Schema;

namespace Storage.Sqlite;

public sealed partial class SqliteStorageReader
{
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
                ReadCollectorHealth(connection, endpoints, sinks);
            }
        }
        IReadOnlyList<LogScanHealth> scans = [];
        (long? Pending, string? Error, DateTimeOffset? OldestDue) outbox = default;
        using (var connection = OpenAlerter())
        {
            // A store the Alerter of an earlier release wrote has no health tables until the Alerter runs again.
            if (connection is not null && AlerterHealthTable.Exists(connection))
            {
                scans = ReadLogScans(connection);
                outbox = ReadOutbox(connection);
            }
        }
        return new SuiteHealth(endpoints, sinks, scans, outbox.Pending, outbox.Error, outbox.OldestDue);
    }

    /// <summary>The newest <c>monitoring_collector</c> sample of each endpoint and sink.</summary>
    private static void ReadCollectorHealth(SqliteConnection connection, List<EndpointHealth> endpoints, List<SinkHealth> sinks)
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

    /// <summary>Every source the Alerter published, in ordinal order of its name (a source that cannot be read may
    /// never have been scanned: it appears with its problem and no last scan).</summary>
    private static List<LogScanHealth> ReadLogScans(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT source, last_scan_unix_ms, position, problem FROM {AlerterHealthTable.Sources}";
        using var reader = command.ExecuteReader();
        var scans = new List<LogScanHealth>();
        while (reader.Read())
        {
            scans.Add(new LogScanHealth(reader.GetString(0),
                reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetInt64(2), NullableString(reader, 3)));
        }
        scans.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source));
        return scans;
    }

    /// <summary>The outbox as the Alerter last published it; all null when it never did (no delivery configured).</summary>
    private static (long? Pending, string? Error, DateTimeOffset? OldestDue) ReadOutbox(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT pending, last_error, oldest_due_unix_ms FROM {AlerterHealthTable.Outbox} WHERE id = 1";
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetInt64(0), NullableString(reader, 1), reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)))
            : default;
    }

    private static double? Number(Dictionary<string, FieldValue> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value.AsDouble() : null;
}
