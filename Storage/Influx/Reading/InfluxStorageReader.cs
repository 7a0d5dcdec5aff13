using System.Text.Json;
using Storage.Reading;
using Storage.Samples;
using Storage.Schema;

namespace Storage.Influx.Reading;

/// <summary>
/// <see cref="IStorageReader"/> over a fleet's central InfluxDB (InfluxQL on <c>/query</c>), with the same bounds and
/// shapes as the SQLite reader, so one page serves one node or a fleet. InfluxDB keeps raw points and aggregates them
/// itself: ranges are <c>mean</c> and <c>max</c> per <c>GROUP BY time(step)</c>, buckets aligned as the SQLite reader
/// aligns them. Event ids are the points' times in microseconds (InfluxDB has no row id). The Alerter's scans and
/// outbox are not in InfluxDB: the health has the Collector's part only. The reader owns its query client (its
/// HttpClient and pooled connections) and disposes it with itself: the container disposes the reader at shutdown.
/// </summary>
public sealed class InfluxStorageReader(InfluxQueryClient client, TimeProvider? time = null) : IStorageReader, IDisposable
{
    private static readonly string[] DefaultCatalogue =
        [Measurements.Frontend, Measurements.Backend, Measurements.Server, Measurements.Process, Measurements.System];

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How far back the catalogue looks for a series' newest point by default.</summary>
    public TimeSpan CatalogueWindow { get; init; } = TimeSpan.FromHours(24);

    public void Dispose() => client.Dispose();

    public async Task<Catalogue> GetCatalogueAsync(CatalogueQuery query, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var rows = new List<LatestSample>();
        foreach (var measurement in query.Measurements is { Count: > 0 } chosen ? chosen : DefaultCatalogue)
        {
            var schema = StorageSchema.Find(measurement);
            // GROUP BY * with ORDER BY time DESC LIMIT 1: the newest point of every series, with its own time.
            var q = $"SELECT * FROM {InfluxQl.Identifier(measurement)} WHERE time > {InfluxQl.Time(now - (query.MaxAge ?? CatalogueWindow))}"
                + InfluxQl.TagFilter((Measurements.HostTag, query.Host)) + " GROUP BY * ORDER BY time DESC LIMIT 1";
            foreach (var series in await client.QueryAsync(q, "ms", cancellationToken).ConfigureAwait(false))
            {
                if (series.Rows.Count == 0)
                {
                    continue;
                }
                var row = series.Rows[0];
                var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
                for (var c = 1; c < series.Columns.Count; c++)
                {
                    if (ToValue(row[c], schema?.Field(series.Columns[c])?.Type) is { } value)
                    {
                        fields[series.Columns[c]] = value;
                    }
                }
                rows.Add(new LatestSample(Id(measurement, series.Tags), DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64()), fields));
            }
        }
        rows.Sort((a, b) => string.CompareOrdinal(Key(a.Series), Key(b.Series)));
        return new Catalogue(now, rows);
    }

    public async Task<RangeResult> GetRangeAsync(RangeQuery query, CancellationToken cancellationToken)
    {
        // Raw retention is InfluxDB's business: never switch to (absent) roll-ups for age; only the step decides.
        var plan = RangePlan.For(query, _time.GetUtcNow(), TimeSpan.MaxValue / 2);
        var select = string.Join(", ", query.Fields.Select((f, i) => $"mean({InfluxQl.Identifier(f)}) AS \"a{i}\", max({InfluxQl.Identifier(f)}) AS \"m{i}\""));
        var series = new List<SeriesRange>(query.Series.Count);
        foreach (var id in query.Series)
        {
            var buckets = new RangeBuckets(plan.Buckets, query.Fields.Count);
            var q = $"SELECT {select} FROM {InfluxQl.Identifier(id.Measurement)} WHERE time >= {plan.FromUnixMs}ms AND time < {plan.ToUnixMs}ms"
                + InfluxQl.TagFilter((Measurements.HostTag, id.Host), (Measurements.ProxyTag, id.Proxy), (Measurements.ServerTag, id.Server))
                + $" GROUP BY time({InfluxQl.Duration(plan.Step)}) fill(none)";
            var avg = new double?[query.Fields.Count];
            var max = new double?[query.Fields.Count];
            foreach (var result in await client.QueryAsync(q, "ms", cancellationToken).ConfigureAwait(false))
            {
                foreach (var row in result.Rows)
                {
                    for (var f = 0; f < query.Fields.Count; f++)
                    {
                        avg[f] = Number(row[result.Column($"a{f}")]);
                        max[f] = Number(row[result.Column($"m{f}")]);
                    }
                    buckets.Add(plan.BucketOf(row[0].GetInt64()), avg, max);
                }
            }
            series.Add(buckets.ToSeries(id, query.Fields));
        }
        return new RangeResult(RangeResolution.Raw, plan.Step, plan.Times(), series);
    }

    public async Task<IReadOnlyList<Sparkline>> GetSparklinesAsync(SparklineQuery query, CancellationToken cancellationToken)
    {
        RangePlan.CheckWindow(query.From, query.To);
        var from = query.From.ToUnixTimeMilliseconds() / 60_000 * 60_000;
        var width = (int)Math.Clamp((query.To.ToUnixTimeMilliseconds() - from + 59_999) / 60_000, 1, StorageLimits.MaxPoints);
        var q = $"SELECT mean({InfluxQl.Identifier(query.Field)}) FROM {InfluxQl.Identifier(query.Measurement)} WHERE time >= {from}ms AND time < {InfluxQl.Time(query.To)}"
            + InfluxQl.TagFilter((Measurements.HostTag, query.Host)) + " GROUP BY time(1m), * fill(none)";
        var lines = new List<Sparkline>();
        foreach (var series in await client.QueryAsync(q, "ms", cancellationToken).ConfigureAwait(false))
        {
            var values = new double?[width];
            foreach (var row in series.Rows)
            {
                var slot = (int)((row[0].GetInt64() - from) / 60_000);
                if (slot >= 0 && slot < width)
                {
                    values[slot] = Number(row[1]);
                }
            }
            lines.Add(new Sparkline(Id(query.Measurement, series.Tags), from, values));
        }
        return lines;
    }

    public async Task<EventPage> GetEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        RangePlan.CheckWindow(query.From, query.To);
        var limit = Math.Clamp(query.Limit, 1, StorageLimits.MaxEvents);
        var to = query.BeforeId is { } before ? $"time < {before}u" : $"time <= {InfluxQl.Time(query.To)}";
        var q = $"SELECT * FROM {InfluxQl.Identifier(Measurements.Event)} WHERE time >= {InfluxQl.Time(query.From)} AND {to}"
            + InfluxQl.TagFilter((Measurements.HostTag, query.Host), (Measurements.ProxyTag, query.Proxy), (Measurements.ServerTag, query.Server))
            + (query.Kinds is { Count: > 0 } kinds ? $" AND {InfluxQl.Identifier(Measurements.KindTag)} =~ {InfluxQl.ExactRegex(kinds)}" : "")
            + (query.Severities is { Count: > 0 } severities ? $" AND {InfluxQl.Identifier(Measurements.SeverityTag)} =~ {InfluxQl.ExactRegex(severities)}" : "")
            + $" ORDER BY time DESC LIMIT {limit + 1}";
        var events = new List<StoredEvent>();
        var more = false;
        foreach (var series in await client.QueryAsync(q, "u", cancellationToken).ConfigureAwait(false))
        {
            string? Text(JsonElement[] row, string column) => series.Column(column) is var c and >= 0 && row[c].ValueKind == JsonValueKind.String ? row[c].GetString() : null;
            long? Whole(JsonElement[] row, string column) => series.Column(column) is var c and >= 0 && row[c].ValueKind == JsonValueKind.Number ? (long)row[c].GetDouble() : null;
            foreach (var row in series.Rows)
            {
                if (events.Count == limit)
                {
                    more = true;
                    break;
                }
                var micros = row[0].GetInt64();
                events.Add(new StoredEvent(micros, DateTimeOffset.FromUnixTimeMilliseconds(micros / 1000), Text(row, Measurements.HostTag) ?? "",
                    Text(row, Measurements.ProxyTag) ?? "", Text(row, Measurements.ServerTag), Text(row, Measurements.KindTag) ?? "",
                    Text(row, Measurements.SeverityTag), Text(row, EventFields.Message) ?? "", Whole(row, EventFields.ActiveLeft),
                    Whole(row, EventFields.BackupLeft), Text(row, EventFields.Reason)));
            }
        }
        return new EventPage(events, more ? events[^1].Id : null);
    }

    public async Task<SuiteHealth> GetHealthAsync(CancellationToken cancellationToken)
    {
        var endpoints = new List<EndpointHealth>();
        var sinks = new List<SinkHealth>();
        var q = $"SELECT * FROM {InfluxQl.Identifier(Measurements.Collector)} WHERE time > {InfluxQl.Time(_time.GetUtcNow() - CatalogueWindow)} GROUP BY * ORDER BY time DESC LIMIT 1";
        foreach (var series in await client.QueryAsync(q, "ms", cancellationToken).ConfigureAwait(false))
        {
            if (series.Rows.Count == 0)
            {
                continue;
            }
            var row = series.Rows[0];
            double? Num(string field) => series.Column(field) is var c and >= 0 ? Number(row[c]) : null;
            string? Error() => series.Column(CollectorFields.Error) is var c and >= 0 && row[c].ValueKind == JsonValueKind.String ? row[c].GetString() : null;
            var at = DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64());
            var host = series.Tags.GetValueOrDefault(Measurements.HostTag, "");
            if (series.Tags.GetValueOrDefault(Measurements.EndpointTag) is { Length: > 0 } endpoint)
            {
                endpoints.Add(new EndpointHealth(host, endpoint, at, Num(CollectorFields.PollOk) == 1, Num(CollectorFields.PollDurationMs), Error()));
            }
            else if (series.Tags.GetValueOrDefault(Measurements.SinkTag) is { Length: > 0 } sink)
            {
                sinks.Add(new SinkHealth(host, sink, at, Num(CollectorFields.SinkOk) == 1, (long?)Num(CollectorFields.SpoolPoints), (long?)Num(CollectorFields.DroppedPointsTotal), Error()));
            }
        }
        return new SuiteHealth(endpoints, sinks, [], null, null);
    }

    private static SeriesId Id(string measurement, IReadOnlyDictionary<string, string> tags) => new(
        measurement,
        tags.GetValueOrDefault(Measurements.HostTag, ""),
        tags.GetValueOrDefault(Measurements.ProxyTag) is { Length: > 0 } proxy ? proxy : null,
        tags.GetValueOrDefault(Measurements.ServerTag) is { Length: > 0 } server ? server : null);

    private static string Key(SeriesId id) => $"{id.Host}\u0001{id.Measurement}\u0001{id.Proxy}\u0001{id.Server}";

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static FieldValue? ToValue(JsonElement value, SchemaFieldType? type) => value.ValueKind switch
    {
        JsonValueKind.String => FieldValue.Of(value.GetString()!),
        JsonValueKind.True => FieldValue.Of(true),
        JsonValueKind.False => FieldValue.Of(false),
        JsonValueKind.Number when type != SchemaFieldType.Float && value.TryGetInt64(out var whole) => FieldValue.Of(whole),
        JsonValueKind.Number => FieldValue.Of(value.GetDouble()),
        _ => null,
    };
}
