using System.Globalization;
using TestSupport;

namespace Storage.Tests.Integration.Influx;

[Trait("Category", "Integration")]
public class InfluxSigkillTests
{
    private const int Servers = 10;

    private static int LastAccepted(DotnetProcess child) =>
        child.Lines.Where(l => l.StartsWith("accepted ", StringComparison.Ordinal))
            .Select(l => int.Parse(l["accepted ".Length..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1).Max();

    /// <summary>The test-only program InfluxSpoolChild: the real sink in its own process, writing <paramref name="cycles"/> cycles.</summary>
    private static DotnetProcess StartChild(int cycles, int servers, IReadOnlyDictionary<string, string?> settings) =>
        DotnetProcess.Start(
            Path.Combine(AppContext.BaseDirectory, "InfluxSpoolChild.dll"),
            [cycles.ToString(CultureInfo.InvariantCulture), servers.ToString(CultureInfo.InvariantCulture),
             .. DotnetProcess.SettingsArguments(settings)]);

    [Fact]
    public async Task Sigkill_WhileSpoolHoldsPoints_RestartReplaysEverythingAcceptedWithoutDuplicates()
    {
        using var dir = new TempDirectory("ifx");
        await using var influx = await InfluxDbProcess.StartWithDatabaseAsync(dir.Path);
        var settings = new Dictionary<string, string?>
        {
            ["Collector:Influx:Url"] = influx.Url,
            ["Collector:Influx:Database"] = "haproxy",
            ["Collector:Influx:SpoolDirectory"] = dir.Combine("spool"),
            ["Collector:Influx:BatchSize"] = "4",
            ["Collector:Influx:RetryDelay"] = "00:00:00.200",
            ["Collector:Influx:MaxRetryDelay"] = "00:00:01",
        };

        // 1. InfluxDB is up: some cycles are delivered. Then it goes away and the spool fills.
        //    The child is killed (SIGKILL) in the middle of writing, with the spool holding points.
        await using (var first = StartChild(cycles: 1000, Servers, settings))
        {
            await first.WaitForLineAsync(l => l == "accepted 20", TimeSpan.FromSeconds(60));
            await influx.StopAsync();
            // Cycles keep coming while influxd stops (slowly, on a loaded machine): count 50 from when it is gone.
            var acceptedWhenStopped = LastAccepted(first);
            await first.WaitForLineAsync(l => l == $"accepted {acceptedWhenStopped + 50}", TimeSpan.FromSeconds(60));
            await first.KillAsync();
            var accepted = LastAccepted(first) + 1;
            accepted.ShouldBeLessThan(1000, "killed while still writing");

            using (var spool = new global::Storage.Influx.Spool.InfluxSpool(settings["Collector:Influx:SpoolDirectory"]!, 512L << 20, 16L << 20))
            {
                spool.PendingPoints.ShouldBeGreaterThan(40 * Servers, "the spool held the points written while InfluxDB was down");
            }

            // 2. InfluxDB returns; a new process opens the same spool and replays it.
            await influx.StartAgainAsync();
            await using var second = StartChild(cycles: 0, Servers, settings);
            await second.WaitForLineAsync(l => l.StartsWith("status spooled=0 ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

            var count = await influx.CountAsync("haproxy", "haproxy_server", "seq");
            count.ShouldBeGreaterThanOrEqualTo(accepted * Servers, "every point whose WriteAsync returned survived SIGKILL");
            count.ShouldBeLessThanOrEqualTo((accepted + 1) * Servers, "at most the cycle in progress at the kill was also spooled");
            var distinct = await influx.RowsAsync("SELECT COUNT(DISTINCT(\"seq\")) FROM \"haproxy_server\"", "haproxy");
            distinct[0]["count"].GetInt64().ShouldBe(count, "no duplicates");
            var max = await influx.RowsAsync("SELECT MAX(\"seq\") FROM \"haproxy_server\"", "haproxy");
            max[0]["max"].GetInt64().ShouldBe(count - 1, "no gap: points 0..count-1 are all there");
            second.Lines.ShouldNotContain(l => l.Contains("dropped=") && !l.Contains("dropped=0"));
        }
    }
}
