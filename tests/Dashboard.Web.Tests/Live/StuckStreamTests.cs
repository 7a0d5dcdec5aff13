using System.Net;
using System.Net.Sockets;
using System.Text;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Live;

/// <summary>
/// Issue 18 item 9: clients that never read kept their connections ESTABLISHED with 512 queued messages and MBs
/// of kernel buffer each. The real process, a raw socket that never reads, and a flood of events to fill its buffers.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StuckStreamTests
{
    [Fact]
    public async Task ClientThatNeverReads_IsDisconnectedOnceItsQueueStaysFull()
    {
        using var directory = new TempDirectory("web-stuck");
        var store = new TestStore(directory.Path);
        store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(1));
        store.WriteEvents(1, 100, DateTimeOffset.UtcNow);
        var port = FreePort.Next();
        await using var web = DotnetProcess.Start(Paths.Dashboard,
        [
            "web", "--db", store.CollectorDatabase, "--alerter-db", store.AlerterDatabase, "--urls", $"http://127.0.0.1:{port}",
            "--Dashboard:LivePollInterval=00:00:00.100", "--Dashboard:Stream:ClientQueue=4", "--Dashboard:Stream:StuckAfter=00:00:02",
        ], directory.Path);
        await web.WaitForLineAsync(l => l.Contains("dashboard web: listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"));
        // Never read; flood the stream with 'events' messages of ~200 KB until the page gives up on this client.
        using var flood = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!flood.IsCancellationRequested)
            {
                store.WriteEvents(100, 2000, DateTimeOffset.UtcNow);
                await Task.Delay(200);
            }
        });
        try
        {
            await web.WaitForLineAsync(l => l.Contains("Event stream of 127.0.0.1 disconnected", StringComparison.Ordinal), TimeSpan.FromSeconds(120));
        }
        finally
        {
            flood.Cancel();
            await writer;
        }
        // What was already in the buffers still arrives, then the connection ends (EOF or reset): it is not held open.
        var buffer = new byte[64 * 1024];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ended = false;
        while (!ended)
        {
            try
            {
                ended = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token) == 0;
            }
            catch (SocketException)
            {
                ended = true;
            }
        }
        ended.ShouldBeTrue();
        web.HasExited.ShouldBeFalse();
    }
}
