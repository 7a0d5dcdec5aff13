using TestSupport;

namespace Storage.Tests.Integration.Influx;

[Trait("Category", "Integration")]
public class VictoriaMetricsV2Tests
{
    [Fact]
    public async Task Write_V2ApiIntoVictoriaMetrics_PointsArriveWithTagsAndValues()
    {
        using var dir = new TempDirectory("vm");
        await using var vm = await VictoriaMetricsProcess.StartAsync(dir.Path);
        await using var host = await InfluxSinkHost.StartAsync(new Dictionary<string, string?>
        {
            ["Collector:Influx:Url"] = vm.Url,
            ["Collector:Influx:Api"] = "V2",
            ["Collector:Influx:Org"] = "noc",
            ["Collector:Influx:Bucket"] = "haproxy",
            ["Collector:Influx:Token"] = "test-token",
            ["Collector:Influx:SpoolDirectory"] = dir.Combine("spool"),
        });
        var samples = Enumerable.Range(0, 3).SelectMany(c => TestPoints.Cycle(c, servers: 4)).ToList();
        // Recent timestamps: VictoriaMetrics refuses samples older than its retention (default 1 month).
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        samples = samples.Select(s => s with { Timestamp = now + (s.Timestamp - TestPoints.Start) }).ToList();
        await host.Sink.WriteAsync(samples, CancellationToken.None);
        await host.WaitUntilAsync(s => s.PointsWritten == 12, TimeSpan.FromSeconds(30), "v2 write");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string[] lines;
        do
        {
            lines = await vm.ExportAsync("{__name__=\"haproxy_server_seq\"}");
            if (lines.Length == 4 && lines.Sum(l => l.Split("\"values\":[")[1].Split(']')[0].Split(',').Length) == 12)
            {
                break;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        lines.Length.ShouldBe(4, string.Join('\n', lines));
        lines.ShouldContain(l => l.Contains("\"server\":\"s3\"") && l.Contains("\"proxy\":\"web\"") && l.Contains("\"values\":[3,7,11]"));
        host.Status.DroppedPoints.ShouldBe(0);
    }
}
