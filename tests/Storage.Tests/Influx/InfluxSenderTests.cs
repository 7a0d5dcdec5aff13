using System.Collections.Concurrent;
using System.Text;
using Storage.Influx;
using Storage.Influx.Spool;
using Storage.Influx.Writing;
using Storage.Samples;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TestSupport;

namespace Storage.Tests.Influx;

public class InfluxSenderTests
{
    private sealed class ScriptedWriter(Func<int, InfluxWriteResult> answer) : IInfluxWriter
    {
        public ConcurrentQueue<string> Sent { get; } = new();

        public int Calls;

        public Task<InfluxWriteResult> WriteAsync(SpoolRecord record, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref Calls);
            var result = answer(call);
            if (result.Outcome is InfluxWriteOutcome.Written or InfluxWriteOutcome.PartiallyWritten or InfluxWriteOutcome.Rejected)
            {
                Sent.Enqueue(Encoding.UTF8.GetString(record.Payload));
            }
            return Task.FromResult(result);
        }

        public Task<bool> CreateDatabaseAsync(CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private static InfluxWriteResult Ok => new(InfluxWriteOutcome.Written, 204, 0, null);

    private static Sample Point(int i) => new("m", [KeyValuePair.Create("s", $"s{i}")], [KeyValuePair.Create("f", FieldValue.Of((long)i))],
        DateTimeOffset.UnixEpoch.AddSeconds(i));

    private static async Task<(InfluxSinkState State, InfluxSink Sink, CapturingLoggerProvider Logs)> RunAsync(
        TempDirectory dir, ScriptedWriter writer, Func<InfluxSink, InfluxSinkState, Task> scenario)
    {
        var options = Options.Create(new InfluxOptions
        {
            Url = "http://127.0.0.1:1", Database = "d", Gzip = false, BatchSize = 2, Precision = InfluxPrecision.Seconds,
            RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(40), SpoolDirectory = dir.Path,
        });
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var state = new InfluxSinkState(new InfluxSpool(dir.Path, 1 << 20, 1 << 16), "Collector:Influx");
        var sink = new InfluxSink(options, state, factory.CreateLogger<InfluxSink>());
        using var sender = new InfluxSender(writer, state, options, TimeProvider.System, factory.CreateLogger<InfluxSender>());
        await sender.StartAsync(CancellationToken.None);
        try
        {
            await scenario(sink, state);
        }
        finally
        {
            await sender.StopAsync(CancellationToken.None);
        }
        return (state, sink, logs);
    }

    [Fact]
    public async Task Send_ServerUnavailableThenBack_AllBatchesInOrderNothingDropped()
    {
        using var dir = new TempDirectory("send");
        var writer = new ScriptedWriter(call => call <= 3 ? new InfluxWriteResult(InfluxWriteOutcome.Unavailable, 503, 0, "down") : Ok);
        var (state, sink, logs) = await RunAsync(dir, writer, async (sink, state) =>
        {
            await sink.WriteAsync([Point(1), Point(2), Point(3)], CancellationToken.None);
            await sink.WriteAsync([Point(4)], CancellationToken.None);
            await Poll.UntilAsync(() => state.Spool.PendingPoints == 0, TimeSpan.FromSeconds(10), "an empty spool", TimeSpan.FromMilliseconds(10));
        });
        writer.Sent.ShouldBe(["m,s=s1 f=1i 1\nm,s=s2 f=2i 2\n", "m,s=s3 f=3i 3\n", "m,s=s4 f=4i 4\n"]);
        var status = sink.GetStatus();
        status.PointsWritten.ShouldBe(4);
        status.DroppedPoints.ShouldBe(0);
        status.LastSuccess.ShouldNotBeNull();
        status.LastError.ShouldBeNull();
        logs.All.ShouldContain("is unavailable (503: down)");
    }

    [Fact]
    public async Task Send_BadData400_BatchDroppedCountedAndLoggedNextBatchSent()
    {
        using var dir = new TempDirectory("send");
        var writer = new ScriptedWriter(call => call == 1
            ? InfluxResponseClassifier.Classify(400, "{\"error\":\"unable to parse 'm,s=s1 f=oops 1': invalid boolean\"}", 2)
            : Ok);
        var (_, sink, logs) = await RunAsync(dir, writer, async (sink, state) =>
        {
            await sink.WriteAsync([Point(1), Point(2), Point(3)], CancellationToken.None);
            await Poll.UntilAsync(() => state.Spool.PendingPoints == 0, TimeSpan.FromSeconds(10), "an empty spool", TimeSpan.FromMilliseconds(10));
        });
        var status = sink.GetStatus();
        status.DroppedPoints.ShouldBe(2);
        status.PointsWritten.ShouldBe(1);
        writer.Calls.ShouldBe(2, "a rejected batch is not retried");
        logs.All.ShouldContain("unable to parse 'm,s=s1 f=oops 1'");
    }

    [Fact]
    public async Task Send_Unauthorized_KeepsSpoolingWithClearError()
    {
        using var dir = new TempDirectory("send");
        var writer = new ScriptedWriter(_ => new InfluxWriteResult(InfluxWriteOutcome.Unauthorized, 401, 0, "{\"error\":\"authorization failed\"}"));
        var (state, sink, logs) = await RunAsync(dir, writer, async (sink, state) =>
        {
            await sink.WriteAsync([Point(1), Point(2), Point(3)], CancellationToken.None);
            await Poll.UntilAsync(() => writer.Calls >= 3, TimeSpan.FromSeconds(10), "three write attempts", TimeSpan.FromMilliseconds(10));
        });
        var status = sink.GetStatus();
        status.SpooledPoints.ShouldBe(3);
        status.DroppedPoints.ShouldBe(0);
        status.PointsWritten.ShouldBe(0);
        status.LastError.ShouldNotBeNull().ShouldContain("refused the credentials (401)");
        logs.All.ShouldContain("Check Collector:Influx:Username and Password/PasswordFile");
        state.Dispose();
    }
}
