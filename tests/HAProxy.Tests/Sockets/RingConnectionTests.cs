using System.Net.Sockets;
using HAProxy.Sockets;
using TestSupport;

namespace HAProxy.Tests.Sockets;

public sealed class RingConnectionTests
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private static Task<RingConnection> ConnectAsync(StatsEndpoint endpoint, string ring = "events", int maxLineBytes = 1024)
        => RingConnection.ConnectAsync(endpoint, ring, maxLineBytes, ConnectTimeout, TimeProvider.System, CancellationToken.None);

    [Fact]
    public async Task ConnectAsync_PathDoesNotExist_ThrowsSocketMissingWithAdvice()
    {
        // The regression this guards: the ring had its own raw socket, and a missing socket gave a bare SocketException.
        using var directory = new TempDirectory("rc");
        var path = directory.Combine("nope.sock");

        var error = await Should.ThrowAsync<StatsSocketException>(() => ConnectAsync(StatsEndpoint.Unix(path)));

        error.Error.ShouldBe(StatsSocketError.SocketMissing);
        error.Message.ShouldContain("Is HAProxy running?");
    }

    [Fact]
    public async Task ConnectAsync_StaleSocketFile_ThrowsConnectionRefusedWithAdvice()
    {
        using var directory = new TempDirectory("rc");
        var path = directory.Combine("stale.sock");
        // Bind without listening: the file exists as a socket but nothing accepts, as after a hard stop.
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(path));

        var error = await Should.ThrowAsync<StatsSocketException>(() => ConnectAsync(StatsEndpoint.Unix(path)));

        error.Error.ShouldBe(StatsSocketError.ConnectionRefused);
        error.Message.ShouldContain("stale socket file");
    }

    [Fact]
    public async Task ConnectAsync_BadRingName_Refused()
        => await Should.ThrowAsync<ArgumentException>(() => ConnectAsync(StatsEndpoint.Unix("/tmp/x.sock"), "events -n"));

    [Fact]
    public async Task ReadLinesAsync_BacklogThenLiveLines_SendsTheCommandAndSplitsLines()
    {
        var sent = new TaskCompletionSource<string?>();
        await using var server = new FakeStatsServer(async client =>
        {
            sent.TrySetResult(await client.ReadLineAsync());
            await client.SendAsync("<133>1 first\n<133>1 sec");
            await Task.Delay(50);
            await client.SendAsync("ond\n");
            await client.StaySilentAsync();
        });
        await using var connection = await ConnectAsync(server.Endpoint);

        var lines = new List<string>();
        while (lines.Count < 2)
        {
            lines.AddRange((await connection.ReadLinesAsync(CancellationToken.None))!);
        }

        (await sent.Task).ShouldBe("show events events -w");
        lines.ShouldBe(["<133>1 first", "<133>1 second"]);
    }

    [Fact]
    public async Task ReadLinesAsync_LineLongerThanTheLimit_SkippedAndCountedOnce()
    {
        await using var server = new FakeStatsServer(async client =>
        {
            await client.ReadLineAsync();
            await client.SendAsync(new string('x', 2000) + "\nshort\n");
            await client.StaySilentAsync();
        });
        await using var connection = await ConnectAsync(server.Endpoint, maxLineBytes: 256);

        var lines = new List<string>();
        while (!lines.Contains("short"))
        {
            lines.AddRange((await connection.ReadLinesAsync(CancellationToken.None))!);
        }

        lines.ShouldBe(["short"]);
        connection.Overlong.ShouldBe(1);
    }

    [Fact]
    public async Task ReadLinesAsync_ServerCloses_ReturnsNull()
    {
        await using var server = new FakeStatsServer(async client => await client.ReadLineAsync());
        await using var connection = await ConnectAsync(server.Endpoint);

        IReadOnlyList<string>? batch;
        do
        {
            batch = await connection.ReadLinesAsync(CancellationToken.None);
        }
        while (batch is { Count: 0 });

        batch.ShouldBeNull();
    }

    [Fact]
    public async Task SocketFileProblem_SocketReplacedByAReload_NamesIt()
    {
        await using var server = new FakeStatsServer(async client => await client.StaySilentAsync());
        await using var connection = await ConnectAsync(server.Endpoint);
        connection.SocketFileProblem().ShouldBeNull();

        server.Rebind();

        connection.SocketFileProblem().ShouldNotBeNull().ShouldContain("was replaced");
    }
}
