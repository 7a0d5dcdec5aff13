using Collector.Configuration;
using Collector.Health;
using Collector.Node;
using Collector.Polling;
using Storage.Samples;
using HAProxy.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Collector.Tests.Polling;

public class PollCycleTests
{
    private sealed class NoDirectory : ISocketDirectory
    {
        public IEnumerable<string> List(string directory, string pattern) => [];
    }

    private static (PollCycle Cycle, CollectorStatus Status) NewCycle(FakeConnections connections, params ISampleSink[] sinks)
    {
        var options = Options.Create(new CollectorOptions
        {
            Interval = TimeSpan.FromSeconds(1),
            PollTimeout = TimeSpan.FromMilliseconds(300),
            NodeName = "node1",
            Endpoints = connections.ByPath.Keys.Select(p => new EndpointOptions { Address = p, Host = Path.GetFileName(p) }).ToList(),
        });
        var status = new CollectorStatus(TimeProvider.System);
        var cycle = new PollCycle(options, new EndpointResolver(new NoDirectory()), connections, new NodeSampler(new ProcFiles()),
            sinks, status, TimeProvider.System, NullLogger<PollCycle>.Instance);
        return (cycle, status);
    }

    [Fact]
    public async Task RunAsync_OneEndpointHung_OtherEndpointSampledEveryCycle()
    {
        var connections = new FakeConnections();
        connections.ByPath["/x/good.sock"] = e => new FakeConnections.Answering(e);
        connections.ByPath["/x/hung.sock"] = e => new FakeConnections.Hung(e);
        var sink = new RecordingSink("mem");
        var (cycle, status) = NewCycle(connections, sink);

        for (var i = 0; i < 3; i++)
        {
            await cycle.RunAsync(CancellationToken.None);
        }

        sink.Batches.Count.ShouldBe(3);
        sink.Batches.Select(b => b.Count(s => s.Measurement == "haproxy_server" && s.GetTag("host") == "good.sock")).ShouldBe([1, 1, 1]);
        sink.Batches.Skip(1).ShouldAllBe(b => b.Any(s => s.Measurement == "haproxy_server" && s.GetField("session_rate") != null));
        var report = status.Report("node1", TimeSpan.FromSeconds(1), [sink]);
        var hung = report.Endpoints.Single(e => e.Host == "hung.sock");
        hung.ErrorKind.ShouldBe(nameof(StatsSocketError.Timeout));
        hung.Failures.ShouldBe(3);
        hung.LastSuccess.ShouldBeNull();
        report.Endpoints.Single(e => e.Host == "good.sock").LastError.ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_MissingSocketAndThrowingSink_ErrorsReportedOtherSinkFed()
    {
        var connections = new FakeConnections();
        connections.ByPath["/x/good.sock"] = e => new FakeConnections.Answering(e);
        connections.ByPath["/x/gone.sock"] = e => new FakeConnections.Failing(e, StatsSocketError.SocketMissing);
        var store = new RecordingSink("sqlite");
        var broken = new RecordingSink("influxdb", throws: true);
        var (cycle, _) = NewCycle(connections, broken, store);

        await cycle.RunAsync(CancellationToken.None);
        var samples = await cycle.RunAsync(CancellationToken.None);

        store.Batches.Count.ShouldBe(2);
        var monitoring = samples.Where(s => s.Measurement == "monitoring_collector").ToArray();
        var gone = monitoring.Single(s => s.GetTag("endpoint") == "gone.sock");
        gone.GetField("poll_ok").ShouldBe(FieldValue.Of(0L));
        gone.GetField("error")!.Value.Text.ShouldBe("SocketMissing on /x/gone.sock: do something about it");
        var influx = monitoring.Single(s => s.GetTag("sink") == "influxdb");
        influx.GetField("sink_ok").ShouldBe(FieldValue.Of(0L));
        influx.GetField("spool_points").ShouldBe(FieldValue.Of(42L));
        samples.ShouldContain(s => s.Measurement == "system" && s.GetTag("host") == "node1");
    }
}
