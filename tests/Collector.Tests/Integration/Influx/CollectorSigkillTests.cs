using System.Text.Json;
using Storage.Influx.Spool;
using TestSupport;

namespace Collector.Tests.Integration.Influx;

/// <summary>
/// The whole Collector binary, not just the sink: polling a real haproxy, InfluxDB down so the spool fills,
/// SIGKILL, then InfluxDB back and the Collector started again on the same data directory.
/// </summary>
[Trait("Category", "Integration")]
public class CollectorSigkillTests
{
    [Fact]
    public async Task CollectorBinary_SigkillWhileSpoolHoldsPoints_RestartReplaysEverySampleTakenBeforeTheKill()
    {
        await using var bed = await CollectorTestBed.StartAsync();
        await using var influx = await InfluxDbProcess.StartWithDatabaseAsync(bed.Directory.Combine("influx"));
        await influx.StopAsync();
        var spoolDirectory = bed.Directory.Combine("spool");
        var settings = bed.Settings();
        settings["Collector:Influx:Url"] = influx.Url;
        settings["Collector:Influx:Database"] = "haproxy";
        settings["Collector:Influx:SpoolDirectory"] = spoolDirectory;
        settings["Collector:Influx:RetryDelay"] = "00:00:00.200";
        settings["Collector:Influx:MaxRetryDelay"] = "00:00:01";

        // 1. InfluxDB is down: every cycle goes to the spool (and to SQLite). Kill after a few cycles.
        await using (var first = StartCollector(bed, settings))
        {
            await WaitForSpoolAsync(bed, first, s => s.Spooled >= 30 && s.Cycles >= 5, "five cycles spooled while InfluxDB is down");
            await first.KillAsync();
        }
        long pending;
        using (var spool = new InfluxSpool(spoolDirectory, 512L << 20, 16L << 20))
        {
            pending = spool.PendingPoints;
        }
        pending.ShouldBeGreaterThanOrEqualTo(30, "the spool kept what was accepted before SIGKILL");
        var killedAt = DateTimeOffset.UtcNow;
        var stored = ServerSecondsInSqlite(bed, killedAt);
        stored.Count.ShouldBeGreaterThanOrEqualTo(3, "several cycles were sampled before the kill");

        // 2. InfluxDB is back; the Collector starts again on the same spool and replays it.
        await influx.StartAgainAsync();
        await using var second = StartCollector(bed, settings);
        await WaitForSpoolAsync(bed, second, s => s.Spooled == 0 && s.Written >= pending, "the spool replayed");
        second.Output.ShouldContain($"holds {pending} points");

        var delivered = await ServerSecondsInInfluxAsync(influx, killedAt);
        // Each cycle goes to SQLite and to the spool; SIGKILL may fall between the two for the last cycle only.
        var newest = stored.Max();
        stored.Where(s => s != newest).ShouldBeSubsetOf(delivered, "every cycle stored before the kill reached InfluxDB");
        delivered.Where(s => !stored.Contains(s)).Count(s => s > newest).ShouldBeLessThanOrEqualTo(1);
        delivered.ShouldAllBe(s => stored.Contains(s) || s > newest, "nothing in InfluxDB that the Collector never sampled");
        var status = await bed.GetStatusAsync();
        status.ShouldContain("\"droppedPoints\": 0");
    }

    private static DotnetProcess StartCollector(CollectorTestBed bed, Dictionary<string, string?> settings) =>
        DotnetProcess.Start(Path.Combine(AppContext.BaseDirectory, "collector.dll"), DotnetProcess.SettingsArguments(settings), bed.Directory.Path);

    /// <summary>Whole seconds of srv1's samples in SQLite before <paramref name="before"/>.</summary>
    private static HashSet<long> ServerSecondsInSqlite(CollectorTestBed bed, DateTimeOffset before) =>
        bed.Stored("haproxy_server", "be", "srv1").Where(s => s.Ts < before.ToUnixTimeMilliseconds()).Select(s => s.Ts / 1000).ToHashSet();

    /// <summary>Whole seconds of srv1's points in InfluxDB before <paramref name="before"/>.</summary>
    private static async Task<HashSet<long>> ServerSecondsInInfluxAsync(InfluxDbProcess influx, DateTimeOffset before)
    {
        var rows = await influx.RowsAsync(
            $"SELECT \"status\" FROM \"haproxy_server\" WHERE \"proxy\" = 'be' AND \"server\" = 'srv1' AND time < {before.ToUnixTimeSeconds()}s", "haproxy");
        return rows.Select(r => DateTimeOffset.Parse(r["time"].GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()).ToHashSet();
    }

    private static async Task WaitForSpoolAsync(CollectorTestBed bed, DotnetProcess collector, Func<(long Spooled, long Written, long Cycles), bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            collector.HasExited.ShouldBeFalse($"the collector exited:\n{collector.Output}");
            try
            {
                last = await bed.GetStatusAsync();
                using var json = JsonDocument.Parse(last);
                var sink = json.RootElement.GetProperty("sinks").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "influxdb");
                if (condition((sink.GetProperty("spooledPoints").GetInt64(), sink.GetProperty("pointsWritten").GetInt64(), json.RootElement.GetProperty("cycles").GetInt64())))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{what} did not happen within 60 s. Last status:\n{last}\nCollector output:\n{collector.Output}");
    }
}
