using HAProxy.Stats;
using TestSupport;

namespace Collector.Tests.Integration;

[Trait("Category", "Integration")]
public class TrafficIntegrationTests
{
    private static double Integrate(IReadOnlyList<StoredSample> samples, long afterTs, string rate)
    {
        var total = 0.0;
        for (var i = 1; i < samples.Count; i++)
        {
            if (samples[i].Ts > afterTs && samples[i].Number(rate) is { } perSecond)
            {
                total += perSecond * (samples[i].Ts - samples[i - 1].Ts) / 1000.0;
            }
        }
        return total;
    }

    [Fact]
    public async Task Collector_KnownTraffic_RatesIntegrateToCounterDeltasAndGaugesMatchShowStat()
    {
        await using var bed = await CollectorTestBed.StartAsync();
        await bed.StartCollectorAsync();
        await Poll.UntilAsync(() => bed.Stored("haproxy_frontend", "fe").Count >= 2, TimeSpan.FromSeconds(15), "two frontend samples");
        var baseline = bed.Stored("haproxy_frontend", "fe")[^1];
        var baselineServers = new[] { "srv1", "srv2" }.Select(s => bed.Stored("haproxy_server", "be", s).Last(x => x.Ts <= baseline.Ts)).ToArray();

        const int Requests = 240;
        for (var burst = 0; burst < 3; burst++)
        {
            await bed.SendRequestsAsync(Requests / 3);
            await Task.Delay(700); // spread the pattern over several intervals
        }
        var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Poll.UntilAsync(() => bed.Stored("haproxy_frontend", "fe").Count(s => s.Ts > sentAt) >= 2, TimeSpan.FromSeconds(15), "samples after the traffic");
        var shown = StatCsvParser.Parse(await RawStatsSocket.SendAsync(bed.Socket, "show stat"));

        var frontend = bed.Stored("haproxy_frontend", "fe");
        var requestDelta = frontend[^1].Number("requests_total")!.Value - baseline.Number("requests_total")!.Value;
        requestDelta.ShouldBe(Requests);
        Integrate(frontend, baseline.Ts, "request_rate").ShouldBe(requestDelta, requestDelta * 0.01);
        Integrate(frontend, baseline.Ts, "http_2xx_rate").ShouldBe(Requests, Requests * 0.01);
        var bytesOut = frontend[^1].Number("bytes_out_total")!.Value - baseline.Number("bytes_out_total")!.Value;
        bytesOut.ShouldBeGreaterThan(0);
        Integrate(frontend, baseline.Ts, "bytes_out_rate").ShouldBe(bytesOut, bytesOut * 0.01);
        frontend[^1].Number("requests_total").ShouldBe(shown.Single(r => r.ProxyName == "fe" && r.ServiceName == "FRONTEND").GetInt64("req_tot"));

        var serverSessions = 0.0;
        for (var i = 0; i < 2; i++)
        {
            var name = $"srv{i + 1}";
            var stored = bed.Stored("haproxy_server", "be", name);
            var delta = stored[^1].Number("sessions_total")!.Value - baselineServers[i].Number("sessions_total")!.Value;
            Integrate(stored, baselineServers[i].Ts, "session_rate").ShouldBe(delta, Math.Max(delta * 0.01, 1e-6));
            serverSessions += delta;
            AssertGaugesMatch(stored[^1], shown.Single(r => r.ProxyName == "be" && r.ServiceName == name));
        }
        serverSessions.ShouldBe(Requests);
        AssertGaugesMatch(bed.Stored("haproxy_backend", "be")[^1], shown.Single(r => r.ProxyName == "be" && r.ServiceName == "BACKEND"));
    }

    private static void AssertGaugesMatch(StoredSample stored, StatRow row)
    {
        foreach (var (field, column) in new[]
        {
            ("sessions_current", "scur"), ("sessions_max", "smax"), ("sessions_total", "stot"), ("queue_current", "qcur"),
            ("queue_max", "qmax"), ("weight", "weight"), ("active_servers", "act"), ("backup_servers", "bck"),
            ("bytes_in_total", "bin"), ("bytes_out_total", "bout"), ("requests_total", "req_tot"), ("check_down_total", "chkdown"),
        })
        {
            stored.Number(field).ShouldBe(row.GetInt64(column), $"{row} {field} ({column})");
        }
        stored.Text("status").ShouldBe(row.GetString("status"));
        stored.Number("up").ShouldBe(row.Status.Up);
        if (row.Type == StatRowType.Server)
        {
            stored.Text("check_status").ShouldBe(row.GetString("check_status"));
        }
    }
}
