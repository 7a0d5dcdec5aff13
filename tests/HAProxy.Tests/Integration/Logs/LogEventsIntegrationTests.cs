using HAProxy.Logs;
using HAProxy.Tests.Logs;
using TestSupport;

namespace HAProxy.Tests.Integration.Logs;

/// <summary>
/// A real haproxy 2.6 logging to <c>log &lt;dir&gt;/log.sock local0</c>, received by <see cref="SyslogFileSink"/>;
/// state changes made by stopping/starting <see cref="TestHttpBackend"/>s and by admin commands; then the file
/// is scanned and the exact sequence of typed events asserted. Set <c>LOGS_CAPTURE_OUT</c> to a path to keep
/// the capture (that is how Fixtures/Logs/integration-capture.log was made).
/// </summary>
[Trait("Category", "Integration")]
public class LogEventsIntegrationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ScanStreamAsync_RealStateChanges_ExactEventSequence()
    {
        using var dir = new TempDirectory("lg");
        using var b1 = new TestHttpBackend();
        using var b2 = new TestHttpBackend();
        using var b3 = new TestHttpBackend();
        using var bk = new TestHttpBackend();
        await using var sink = new SyslogFileSink(dir.Combine("log.sock"), dir.Combine("haproxy.log"));
        var socket = dir.Combine("s.sock");
        var check = "check inter 200ms rise 1 fall 1";
        var config = $"""
            global
              log {sink.SocketPath} local0
              stats socket {socket} level admin
            defaults
              mode http
              log global
              option httplog
              timeout connect 1s
              timeout client 5s
              timeout server 5s
              timeout check 2s
            frontend fe
              bind 127.0.0.1:{FreePort.Next()}
              default_backend be
            backend be
              option httpchk GET /
              server srv1 {b1.Address} {check}
              server srv2 {b2.Address} {check}
              server trk {b3.Address} track be/srv1
              server bk1 {bk.Address} {check} backup

            """;
        await using var haproxy = await HAProxyProcess.StartAsync(dir.Path, config, socket);
        var seen = 0;
        async Task Expect(string text)
        {
            seen = await WaitForOccurrenceAsync(sink, text, seen);
        }
        async Task Admin(string command, string text)
        {
            (await RawStatsSocket.SendAsync(socket, command)).Trim().ShouldBeEmpty(command);
            await Expect(text);
        }

        b1.Stop();
        await Expect("Server be/trk is DOWN via be/srv1");
        b1.Start();
        await Expect("Server be/trk is UP via be/srv1");
        await Admin("disable server be/srv2", "be/srv2 is going DOWN for maintenance");
        await Admin("enable server be/srv2", "be/srv2 is UP/READY (leaving forced maintenance)");
        await Admin("set server be/srv2 state drain", "be/srv2 enters drain state");
        await Admin("set server be/srv2 state ready", "be/srv2 is UP (leaving forced drain)");
        await Admin("set server be/srv2 state maint", "be/srv2 is going DOWN for maintenance");
        await Admin("set server be/srv2 state ready", "be/srv2 is UP/READY (leaving forced maintenance)");
        await Admin("set server be/srv1 health down", "be/trk is DOWN via be/srv1");
        await Expect("be/trk is UP via be/srv1");
        await Admin("disable server be/srv1", "be/trk is going DOWN for maintenance via be/srv1");
        b2.Stop();
        await Expect("Running on backup.");
        bk.Stop();
        await Expect("backend be has no server available!");
        b2.Start();
        await Expect("Server be/srv2 is UP");
        bk.Start();
        await Expect("Backup Server be/bk1 is UP");
        b1.Stop();
        await Admin("enable server be/srv1", "be/trk is UP/READY (leaving maintenance)");
        await Expect("be/trk is DOWN via be/srv1");
        await Admin("disable server be/trk", "be/trk was DOWN and now enters maintenance");
        await Admin("enable server be/trk", "be/trk is DOWN/READY (leaving forced maintenance)");
        b1.Start();
        await Expect("be/trk is UP via be/srv1");
        await haproxy.ReloadAsync();
        await Expect("Proxy be stopped");

        var events = new List<ScannedLogEvent>();
        var counters = new LogScanCounters();
        await using (var file = File.OpenRead(sink.LogPath))
        {
            var context = new LogParseContext(DateTimeOffset.Now, TimeZoneInfo.Local.GetUtcOffset(DateTime.Now));
            await new LogScanner(context).ScanStreamAsync(file, 0, new LogStreamOptions(), b => { events.AddRange(b.Events); return ValueTask.CompletedTask; }, counters);
        }
        if (Environment.GetEnvironmentVariable("LOGS_CAPTURE_OUT") is { Length: > 0 } keep)
        {
            File.Copy(sink.LogPath, keep, overwrite: true);
        }

        (counters.Malformed, counters.InvalidUtf8, counters.Overlong).ShouldBe((0L, 0L, 0L));
        IntegrationSequence.FoldCheckFailures(IntegrationSequence.Describe(events.Select(e => e.Event)))
            .ShouldBe(IntegrationSequence.FoldCheckFailures(IntegrationSequence.Expected));
        events.ShouldAllBe(e => e.Event.Pid > 0 && e.Event.Timestamp != null && e.Event.Priority != null);
    }

    /// <summary>Waits until <paramref name="text"/> occurs after character <paramref name="from"/>; returns where it ends.</summary>
    private static async Task<int> WaitForOccurrenceAsync(SyslogFileSink sink, string text, int from)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var content = sink.ReadAll();
            var at = content.IndexOf(text, from, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at + text.Length;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' did not appear after offset {from}. Log so far:\n{content}");
            }
            await Task.Delay(50);
        }
    }
}
