using Microsoft.Data.Sqlite;
using Storage.Reading;

namespace Storage.Sqlite;

public sealed partial class SqliteStorageReader
{
    public Task<RangeResult> GetRangeAsync(RangeQuery query, CancellationToken cancellationToken) =>
        Task.Run(() => Guarded(() => ReadRange(query, cancellationToken), CollectorDatabase), cancellationToken);

    private RangeResult ReadRange(RangeQuery query, CancellationToken cancellationToken)
    {
        var plan = RangePlan.For(query, _time.GetUtcNow(), RawRetention);
        var series = new List<SeriesRange>(query.Series.Count);
        using var connection = OpenCollector();
        var fieldSets = connection is null ? null : new FieldSetCache(connection);
        foreach (var id in query.Series)
        {
            var buckets = new RangeBuckets(plan.Buckets, query.Fields.Count);
            if (connection is not null && SeriesRowId(connection, id) is { } rowId)
            {
                Fill(connection, fieldSets!, rowId, plan, query.Fields, buckets, cancellationToken);
            }
            series.Add(buckets.ToSeries(id, query.Fields));
        }
        return new RangeResult(plan.Resolution, plan.Step, plan.Times(), series);
    }

    private static void Fill(SqliteConnection connection, FieldSetCache fieldSets, long seriesId, RangePlan plan, IReadOnlyList<string> fields,
        RangeBuckets buckets, CancellationToken cancellationToken)
    {
        // SQLite picks the asked values out of each row's JSON array itself (->> by position, per field set), so a
        // row costs a few doubles instead of two strings parsed in .NET: what keeps one server's day under budget.
        var raw = plan.Resolution == RangeResolution.Raw;
        var columns = new List<string>(fields.Count * 2);
        for (var f = 0; f < fields.Count; f++)
        {
            columns.Add(fieldSets.Extract(raw ? "vals" : "avg", fields[f]));
            if (!raw)
            {
                columns.Add(fieldSets.Extract("max", fields[f]));
            }
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT ts, {string.Join(", ", columns)} FROM {(raw ? "sample" : "rollup_1m")} WHERE series_id = $s AND ts >= $from AND ts < $to ORDER BY ts";
        command.Parameters.AddWithValue("$s", seriesId);
        command.Parameters.AddWithValue("$from", plan.FromUnixMs);
        command.Parameters.AddWithValue("$to", plan.ToUnixMs);
        using var reader = command.ExecuteReader();
        var avg = new double?[fields.Count];
        var max = new double?[fields.Count];
        var perField = raw ? 1 : 2;
        var rows = 0;
        while (reader.Read())
        {
            if (++rows % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            for (var f = 0; f < fields.Count; f++)
            {
                var column = 1 + f * perField;
                avg[f] = reader.IsDBNull(column) ? null : reader.GetDouble(column);
                max[f] = raw ? avg[f] : reader.IsDBNull(column + 1) ? null : reader.GetDouble(column + 1);
            }
            buckets.Add(plan.BucketOf(reader.GetInt64(0)), avg, max);
        }
    }

    private static long? SeriesRowId(SqliteConnection connection, SeriesId id)
    {
        using var command = connection.CreateCommand();
        // Proxy-row series carry only host/proxy/server tags; the index series_by_name finds them.
        command.CommandText = """
            SELECT id FROM series WHERE measurement = $m AND host = $h AND proxy = $p AND server = $s AND tags = '{}'
            """;
        command.Parameters.AddWithValue("$m", id.Measurement);
        command.Parameters.AddWithValue("$h", id.Host);
        command.Parameters.AddWithValue("$p", id.Proxy ?? "");
        command.Parameters.AddWithValue("$s", id.Server ?? "");
        return command.ExecuteScalar() is long value ? value : null;
    }

    public Task<IReadOnlyList<Sparkline>> GetSparklinesAsync(SparklineQuery query, CancellationToken cancellationToken) =>
        Task.Run(() => Guarded(() => ReadSparklines(query, cancellationToken), CollectorDatabase), cancellationToken);

    private IReadOnlyList<Sparkline> ReadSparklines(SparklineQuery query, CancellationToken cancellationToken)
    {
        RangePlan.CheckWindow(query.From, query.To);
        var from = Minute(query.From.ToUnixTimeMilliseconds());
        var to = query.To.ToUnixTimeMilliseconds();
        var width = (int)Math.Clamp((to - from + RollupAccumulator.MinuteMs - 1) / RollupAccumulator.MinuteMs, 1, StorageLimits.MaxPoints);
        var result = new List<Sparkline>();
        using var connection = OpenCollector();
        if (connection is null)
        {
            return result;
        }
        var fieldSets = new FieldSetCache(connection);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.id, s.host, s.proxy, s.server, r.ts, r.field_set, r.avg
            FROM series s JOIN rollup_1m r ON r.series_id = s.id AND r.ts >= $from AND r.ts < $to
            WHERE s.measurement = $m AND ($host IS NULL OR s.host = $host) AND s.tags = '{}'
            ORDER BY s.id, r.ts
            """;
        command.Parameters.AddWithValue("$m", query.Measurement);
        command.Parameters.AddWithValue("$host", (object?)query.Host ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        using var reader = command.ExecuteReader();
        long current = -1;
        double?[]? values = null;
        var one = new double?[1];
        string[] wanted = [query.Field];
        var rows = 0;
        while (reader.Read())
        {
            if (++rows % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var seriesId = reader.GetInt64(0);
            if (seriesId != current)
            {
                current = seriesId;
                values = new double?[width];
                result.Add(new Sparkline(Id(query.Measurement, reader.GetString(1), reader.GetString(2), reader.GetString(3)), from, values));
            }
            var slot = (int)((reader.GetInt64(4) - from) / RollupAccumulator.MinuteMs);
            if (slot < 0 || slot >= width)
            {
                continue;
            }
            ValueArrayReader.ReadNumbers(reader.GetFieldValue<byte[]>(6), fieldSets.Positions(reader.GetInt64(5), wanted), one);
            values![slot] = one[0];
        }
        return result;
    }

    private static long Minute(long unixMs) => unixMs - (unixMs % RollupAccumulator.MinuteMs + RollupAccumulator.MinuteMs) % RollupAccumulator.MinuteMs;
}
