using HAProxy.Rates;
using Collector.Rates;
using Storage.Samples;
using static Collector.Tests.Rates.Snapshots;

namespace Collector.Tests.Rates;

public class SnapshotSamplerTests
{
    private static string Rows(long feStot, long srvStot, long srvBin = 0, long hrsp = 0) =>
        Row("fe", "FRONTEND", 0, feStot, bin: srvBin, status: "OPEN", scur: 5, slim: "200", hrsp2xx: hrsp, reqTot: hrsp)
        + Row("be", "s1", 2, srvStot, bin: srvBin, status: "UP 1/3", scur: 2, checkStatus: "L7OK", hrsp2xx: hrsp, reqTot: hrsp)
        + Row("be", "BACKEND", 1, srvStot, bin: srvBin, status: "UP", hrsp2xx: hrsp, reqTot: hrsp)
        + Row("fe", "sock-1", 3, feStot, status: "OPEN");

    private static Sample Find(SampledCycle cycle, string measurement, string? server = null) =>
        cycle.Samples.Single(s => s.Measurement == measurement && (server is null || s.GetTag("server") == server));

    [Fact]
    public void Sample_FirstPoll_WritesGaugesOnly()
    {
        var cycle = SnapshotSampler.Sample(null, At(0, Info(100, 50), Rows(10, 20)));

        cycle.Continuity.ShouldBe(Continuity.FirstPoll);
        var server = Find(cycle, "haproxy_server");
        server.GetField("sessions_current").ShouldBe(FieldValue.Of(2L));
        server.GetField("sessions_total").ShouldBe(FieldValue.Of(20L));
        server.GetField("session_rate").ShouldBeNull();
        cycle.Samples.Where(s => s.Measurement != "haproxy_process").SelectMany(s => s.Fields)
            .ShouldNotContain(f => f.Key.EndsWith("_rate"));
    }

    [Fact]
    public void Sample_TwoPollsOfOneProcess_RatesAreDeltaOverSeconds()
    {
        var before = At(0, Info(100, 50), Rows(10, 20, srvBin: 1000, hrsp: 4));
        var now = At(10, Info(100, 60), Rows(60, 120, srvBin: 6000, hrsp: 54));

        var cycle = SnapshotSampler.Sample(before, now);

        cycle.Continuity.ShouldBe(Continuity.Continuous);
        var server = Find(cycle, "haproxy_server");
        server.GetField("session_rate")!.Value.Number.ShouldBe(10.0);
        server.GetField("bytes_in_rate")!.Value.Number.ShouldBe(500.0);
        server.GetField("bytes_out_rate")!.Value.Number.ShouldBe(1000.0);
        server.GetField("http_2xx_rate")!.Value.Number.ShouldBe(5.0);
        server.GetField("request_rate")!.Value.Number.ShouldBe(5.0);
        var frontend = Find(cycle, "haproxy_frontend");
        frontend.GetField("session_rate")!.Value.Number.ShouldBe(5.0);
        frontend.GetField("connection_rate")!.Value.Number.ShouldBe(5.0);
        server.Timestamp.ShouldBe(T0.AddSeconds(10));
    }

    [Fact]
    public void Sample_ServerRow_HasTagsStatusUpAndCheckStatus()
    {
        var cycle = SnapshotSampler.Sample(null, At(0, Info(100, 50), Rows(1, 1)));

        var server = Find(cycle, "haproxy_server");
        server.Tags.ShouldBe([new("host", "lb1"), new("proxy", "be"), new("server", "s1")]);
        server.GetField("status").ShouldBe(FieldValue.Of("UP 1/3"));
        server.GetField("up").ShouldBe(FieldValue.Of(1L));
        server.GetField("check_status").ShouldBe(FieldValue.Of("L7OK"));
        var backend = Find(cycle, "haproxy_backend");
        backend.Tags.ShouldBe([new("host", "lb1"), new("proxy", "be")]);
        backend.GetField("check_status").ShouldBeNull();
    }

    [Fact]
    public void Sample_FrontendWithLimit_HasSessionsPct()
    {
        var cycle = SnapshotSampler.Sample(null, At(0, Info(100, 50), Rows(1, 1)));

        Find(cycle, "haproxy_frontend").GetField("sessions_pct")!.Value.Number.ShouldBe(2.5);
        Find(cycle, "haproxy_server").GetField("sessions_pct").ShouldBeNull(); // no slim on the server row
    }

    [Fact]
    public void Sample_ListenerRows_AreNotStored()
    {
        var cycle = SnapshotSampler.Sample(null, At(0, Info(100, 50), Rows(1, 1)));

        cycle.Samples.Count.ShouldBe(4); // process + frontend + server + backend
        cycle.Samples.ShouldNotContain(s => s.GetTag("server") == "sock-1" || s.GetTag("proxy") == "fe" && s.Measurement == "haproxy_server");
    }

    [Fact]
    public void Sample_NewPid_NoRates()
    {
        var before = At(0, Info(100, 50), Rows(1000, 1000));
        var now = At(10, Info(200, 60), Rows(2000, 2000));

        var cycle = SnapshotSampler.Sample(before, now);

        cycle.Continuity.ShouldBe(Continuity.NewProcess);
        Find(cycle, "haproxy_server").GetField("session_rate").ShouldBeNull();
    }

    [Fact]
    public void Sample_SamePidNewStartTime_NoRates()
    {
        var before = At(0, Info(100, 50, startTime: 1000), Rows(10, 10));
        var now = At(10, Info(100, 60, startTime: 2000), Rows(20, 20));

        SnapshotSampler.Sample(before, now).Continuity.ShouldBe(Continuity.NewProcess);
    }

    [Fact]
    public void Sample_UptimeWentDown_NoRates()
    {
        var before = At(0, Info(100, 500), Rows(10, 10));
        var now = At(10, Info(100, 3), Rows(20, 20));

        var cycle = SnapshotSampler.Sample(before, now);

        cycle.Continuity.ShouldBe(Continuity.UptimeWentDown);
        Find(cycle, "haproxy_server").GetField("session_rate").ShouldBeNull();
    }

    [Fact]
    public void Sample_NegativeDeltaOnOneRow_ThatRowHasNoRatesOthersDo()
    {
        var before = At(0, Info(100, 50), Rows(100, 100));
        var now = At(10, Info(100, 60), Row("fe", "FRONTEND", 0, 150, status: "OPEN") + Row("be", "s1", 2, 3) + Row("be", "BACKEND", 1, 120));

        var cycle = SnapshotSampler.Sample(before, now);

        var server = Find(cycle, "haproxy_server");
        server.Fields.ShouldNotContain(f => f.Key.EndsWith("_rate"));
        server.GetField("sessions_total").ShouldBe(FieldValue.Of(3L));
        Find(cycle, "haproxy_backend").GetField("session_rate")!.Value.Number.ShouldBe(2.0);
        Find(cycle, "haproxy_frontend").GetField("session_rate")!.Value.Number.ShouldBe(5.0);
    }

    [Fact]
    public void Sample_NewServerAppears_GaugesOnlyForIt()
    {
        var before = At(0, Info(100, 50), Rows(10, 10));
        var now = At(10, Info(100, 60), Rows(20, 20) + Row("be", "s2", 2, 500));

        var cycle = SnapshotSampler.Sample(before, now);

        var added = Find(cycle, "haproxy_server", "s2");
        added.GetField("session_rate").ShouldBeNull();
        added.GetField("sessions_total").ShouldBe(FieldValue.Of(500L));
        Find(cycle, "haproxy_server", "s1").GetField("session_rate")!.Value.Number.ShouldBe(1.0);
    }

    [Fact]
    public void Sample_RowsReordered_MatchedByName()
    {
        var before = At(0, Info(100, 50), Row("be", "a", 2, 10) + Row("be", "b", 2, 100));
        var now = At(10, Info(100, 60), Row("be", "b", 2, 200) + Row("be", "a", 2, 20));

        var cycle = SnapshotSampler.Sample(before, now);

        Find(cycle, "haproxy_server", "a").GetField("session_rate")!.Value.Number.ShouldBe(1.0);
        Find(cycle, "haproxy_server", "b").GetField("session_rate")!.Value.Number.ShouldBe(10.0);
    }

    [Fact]
    public void Sample_ReconnectToSameProcess_KeepsRates()
    {
        var before = At(0, Info(100, 50), Rows(10, 10), generation: 1);
        var now = At(10, Info(100, 60), Rows(20, 20), generation: 2);

        SnapshotSampler.Sample(before, now).Continuity.ShouldBe(Continuity.Continuous);
    }

    [Fact]
    public void Sample_NoTimeElapsed_NoRates()
    {
        var before = At(10, Info(100, 50), Rows(10, 10));
        var now = At(10, Info(100, 50), Rows(20, 20));

        var cycle = SnapshotSampler.Sample(before, now);

        cycle.Continuity.ShouldBe(Continuity.NoTimeElapsed);
        Find(cycle, "haproxy_server").GetField("session_rate").ShouldBeNull();
    }

    [Fact]
    public void Sample_ProcessMeasurement_FromShowInfo()
    {
        var cycle = SnapshotSampler.Sample(null, At(0, Info(4242, 77, stopping: 1), Rows(1, 1)));

        var process = Find(cycle, "haproxy_process");
        process.GetField("pid").ShouldBe(FieldValue.Of(4242L));
        process.GetField("uptime_s").ShouldBe(FieldValue.Of(77L));
        process.GetField("current_connections").ShouldBe(FieldValue.Of(3L));
        process.GetField("max_connections").ShouldBe(FieldValue.Of(4000L));
        process.GetField("idle_pct")!.Value.AsDouble().ShouldBe(97);
        process.GetField("run_queue").ShouldBe(FieldValue.Of(1L));
        process.GetField("tasks").ShouldBe(FieldValue.Of(20L));
        process.GetField("connection_rate").ShouldBe(FieldValue.Of(5L));
        process.GetField("session_rate").ShouldBe(FieldValue.Of(6L));
        process.GetField("version").ShouldBe(FieldValue.Of("2.6.12"));
        process.GetField("stopping").ShouldBe(FieldValue.Of(1L));
    }

    [Fact]
    public void Sample_DownServer_UpIsZero()
    {
        var cycle = SnapshotSampler.Sample(null, At(0, Info(1, 1), Row("be", "s1", 2, 0, status: "DOWN 1/2") + Row("be", "s2", 2, 0, status: "MAINT (via be/s1)")));

        Find(cycle, "haproxy_server", "s1").GetField("up").ShouldBe(FieldValue.Of(0L));
        Find(cycle, "haproxy_server", "s2").GetField("up").ShouldBe(FieldValue.Of(0L));
    }
}
