using TestSupport;

namespace Collector.Tests.Integration;

[Trait("Category", "Integration")]
public class ReloadIntegrationTests
{
    [Fact]
    public async Task Collector_ReloadAndRestartUnderTraffic_NoNegativeRateNoSpikeResumesWithNewProcess()
    {
        await using var bed = await CollectorTestBed.StartAsync();
        await bed.StartCollectorAsync();
        var traffic = new TrafficLoop(bed.FrontendPort);
        long sent;
        long reloadedAt, restartedAt;
        int reloadedPid, restartedPid;
        try
        {
            await WaitForFrontendSamplesAfter(bed, 0, 2);
            await bed.HAProxy.ReloadAsync();
            reloadedAt = Now();
            reloadedPid = bed.HAProxy.Pid;
            await WaitForFrontendSamplesAfter(bed, reloadedAt, 3);

            await bed.HAProxy.StopAsync();
            await Poll.UntilAsync(
                () => bed.GetStatusAsync().Result.Contains("ConnectionRefused"), TimeSpan.FromSeconds(15), "a failed poll while haproxy is stopped");
            await bed.HAProxy.StartAgainAsync();
            restartedAt = Now();
            restartedPid = bed.HAProxy.Pid;
            await WaitForFrontendSamplesAfter(bed, restartedAt, 3);
        }
        finally
        {
            await traffic.DisposeAsync();
        }
        sent = traffic.Succeeded;

        var frontend = bed.Stored("haproxy_frontend", "fe");
        var series = new[] { frontend, bed.Stored("haproxy_backend", "be"), bed.Stored("haproxy_server", "be", "srv1"), bed.Stored("haproxy_server", "be", "srv2") };
        foreach (var sample in series.SelectMany(s => s))
        {
            foreach (var field in sample.Fields.EnumerateObject().Where(f => f.Name.EndsWith("_rate")))
            {
                field.Value.GetDouble().ShouldBeGreaterThanOrEqualTo(0, $"{field.Name} at {sample.Ts}");
            }
        }
        var integrated = 0.0;
        for (var i = 1; i < frontend.Count; i++)
        {
            integrated += (frontend[i].Number("request_rate") ?? 0) * (frontend[i].Ts - frontend[i - 1].Ts) / 1000.0;
        }
        integrated.ShouldBeLessThanOrEqualTo(sent * 1.01, "a reset turned into a spike");
        integrated.ShouldBeGreaterThan(0);

        var process = bed.Stored("haproxy_process");
        process.First(p => p.Ts > reloadedAt).Number("pid").ShouldBe(reloadedPid);
        process.First(p => p.Ts > restartedAt).Number("pid").ShouldBe(restartedPid);
        frontend.First(p => p.Ts > restartedAt).Number("request_rate").ShouldBeNull(); // first poll of a new process: gauges only
        frontend.Where(p => p.Ts > restartedAt).ShouldContain(p => p.Number("request_rate") > 0); // rates resume
        frontend.Where(p => p.Ts > reloadedAt && p.Ts < restartedAt).ShouldContain(p => p.Number("request_rate") > 0);
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static Task WaitForFrontendSamplesAfter(CollectorTestBed bed, long ts, int count) =>
        Poll.UntilAsync(() => bed.Stored("haproxy_frontend", "fe").Count(s => s.Ts > ts) >= count,
            TimeSpan.FromSeconds(20), $"{count} frontend samples after {ts}");
}
