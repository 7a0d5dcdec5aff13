using System.Diagnostics;
using System.Globalization;
using Storage.Reading;
using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;

// bench: <database> [servers=1000] [hours=24] [interval_s=10] [iterations=200]
// Fills the database with the real writer when it does not exist yet (one backend per 100 servers, every proxy-row
// field the Collector writes for a server), then times the reader's queries and prints p50/p95/max in ms.
var path = args[0];
var servers = Arg(1, 1000);
var hours = Arg(2, 24);
var interval = Arg(3, 10);
var iterations = Arg(4, 200);
var end = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 - 1_800_000_000 % 60);
var start = end.AddHours(-hours);

if (!File.Exists(path))
{
    var fill = Stopwatch.StartNew();
    using var writer = new SqliteSampleWriter(path);
    var cycles = hours * 3600 / interval;
    for (var cycle = 0; cycle < cycles; cycle++)
    {
        var at = start.AddSeconds(cycle * interval);
        var batch = new List<Sample>(servers);
        for (var s = 0; s < servers; s++)
        {
            batch.Add(ServerSample(s, cycle, at));
        }
        writer.Write(batch);
        if (cycle % 1000 == 0)
        {
            Console.Error.WriteLine($"fill: cycle {cycle}/{cycles}, {fill.Elapsed.TotalSeconds:0} s");
        }
    }
    Console.WriteLine($"filled {(long)cycles * servers:N0} samples ({servers} servers x {cycles} cycles) in {fill.Elapsed.TotalSeconds:0.0} s; {new FileInfo(path).Length / 1048576.0:0} MB");
}

var reader = new SqliteStorageReader(path, time: new FixedTime(end));
var oneServer = new SeriesId(Measurements.Server, "lb1", "be_3", "srv_345");
string[] sixFields = [ProxyFields.SessionsCurrent, ProxyFields.SessionRate, ProxyFields.BytesInRate, ProxyFields.BytesOutRate, ProxyFields.Http5xxRate, ProxyFields.ResponseTimeMs];

Measure("one server, 6 fields, 24 h (default step)", async () =>
{
    var range = await reader.GetRangeAsync(new RangeQuery([oneServer], sixFields, start, end), CancellationToken.None);
    return range.Series[0].Avg[ProxyFields.SessionRate].Count(v => v is not null);
});
Measure("one server, 6 fields, last 1 h (raw)", async () =>
{
    var range = await reader.GetRangeAsync(new RangeQuery([oneServer], sixFields, end.AddHours(-1), end), CancellationToken.None);
    return range.Series[0].Avg[ProxyFields.SessionRate].Count(v => v is not null);
});
Measure($"latest values of all {servers} servers", async () =>
{
    var catalogue = await reader.GetCatalogueAsync(new CatalogueQuery(Measurements: [Measurements.Server]), CancellationToken.None);
    return catalogue.Rows.Count;
});
Measure($"15-minute sparklines of all {servers} servers", async () =>
{
    var lines = await reader.GetSparklinesAsync(new SparklineQuery(Measurements.Server, ProxyFields.SessionRate, end.AddMinutes(-15), end), CancellationToken.None);
    return lines.Count;
});

void Measure(string name, Func<Task<int>> query)
{
    var result = query().GetAwaiter().GetResult(); // warm-up (JIT, page cache)
    var times = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        query().GetAwaiter().GetResult();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: p50 {times[iterations / 2]:0.0} ms, p95 {times[(int)(iterations * 0.95)]:0.0} ms, max {times[^1]:0.0} ms ({iterations} runs; result size {result})"));
}

static Sample ServerSample(int s, int cycle, DateTimeOffset at)
{
    // Deterministic, varied values, the field list of a real server row.
    var wave = Math.Sin((cycle + s) / 30.0);
    var sessions = (long)(50 + 40 * wave);
    var rate = 20 + 10 * wave;
    return new Sample(Measurements.Server,
        [new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, $"be_{s / 100}"), new(Measurements.ServerTag, $"srv_{s}")],
        [
            new("queue_current", FieldValue.Of(0L)), new("queue_max", FieldValue.Of(3L)),
            new(ProxyFields.SessionsCurrent, FieldValue.Of(sessions)), new("sessions_max", FieldValue.Of(120L)),
            new(ProxyFields.SessionsLimit, FieldValue.Of(1000L)), new("sessions_total", FieldValue.Of(cycle * 200L)),
            new("bytes_in_total", FieldValue.Of(cycle * 90_000L)), new("bytes_out_total", FieldValue.Of(cycle * 900_000L)),
            new(ProxyFields.Weight, FieldValue.Of(1L)), new(ProxyFields.ActiveServers, FieldValue.Of(1L)), new(ProxyFields.BackupServers, FieldValue.Of(0L)),
            new("check_down_total", FieldValue.Of(2L)), new("last_change_s", FieldValue.Of((long)cycle * 10)), new("downtime_s", FieldValue.Of(30L)),
            new("check_duration_ms", FieldValue.Of(1L)), new("http_5xx_total", FieldValue.Of(cycle / 10L)), new("requests_total", FieldValue.Of(cycle * 200L)),
            new("queue_time_ms", FieldValue.Of(0L)), new("connect_time_ms", FieldValue.Of(1L)), new(ProxyFields.ResponseTimeMs, FieldValue.Of((long)(5 + 3 * wave))),
            new("total_time_ms", FieldValue.Of(12L)), new(ProxyFields.SessionsPct, FieldValue.Of(sessions / 10.0)),
            new(ProxyFields.Status, FieldValue.Of("UP")), new(ProxyFields.Up, FieldValue.Of(1L)), new(ProxyFields.CheckStatus, FieldValue.Of("L7OK")),
            new(ProxyFields.SessionRate, FieldValue.Of(rate)), new(ProxyFields.BytesInRate, FieldValue.Of(rate * 450)), new(ProxyFields.BytesOutRate, FieldValue.Of(rate * 4500)),
            new("denied_response_rate", FieldValue.Of(0.0)), new("connection_error_rate", FieldValue.Of(0.0)), new("response_error_rate", FieldValue.Of(0.01)),
            new("retry_rate", FieldValue.Of(0.0)), new("redispatch_rate", FieldValue.Of(0.0)), new("check_failure_rate", FieldValue.Of(0.0)),
            new("lb_selection_rate", FieldValue.Of(rate)), new("http_1xx_rate", FieldValue.Of(0.0)), new("http_2xx_rate", FieldValue.Of(rate * 0.9)),
            new("http_3xx_rate", FieldValue.Of(rate * 0.05)), new("http_4xx_rate", FieldValue.Of(rate * 0.04)), new(ProxyFields.Http5xxRate, FieldValue.Of(rate * 0.01)),
            new(ProxyFields.RequestRate, FieldValue.Of(rate)), new("client_abort_rate", FieldValue.Of(0.0)), new("server_abort_rate", FieldValue.Of(0.0)),
        ],
        at);
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
