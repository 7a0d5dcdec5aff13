
using System.Net.Sockets;

using HAProxy.Sockets;
using TestSupport;

namespace HAProxy.Tests.Sockets;

public sealed class StatsSessionConnectErrorTests
{
    private static readonly StatsSessionOptions Fast = new()
    {
        // Generous: a loaded CI machine may take long to echo or greet; the silent-server tests just wait longer.
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task ExecuteAsync_PathDoesNotExist_ThrowsSocketMissingWithAdvice()
    {
        using var directory = new TempDirectory("ce");
        var path = directory.Combine("nope.sock");
        await using var session = new StatsSession(StatsEndpoint.Unix(path), Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.SocketMissing);
        error.Message.ShouldContain("Is HAProxy running?");
        error.Message.ShouldContain($"stats socket {path}");
    }

    [Fact]
    public async Task ExecuteAsync_DirectoryDoesNotExist_SaysSo()
    {
        var path = "/tmp/no-such-dir-" + Guid.NewGuid().ToString("N")[..8] + "/admin.sock";
        await using var session = new StatsSession(StatsEndpoint.Unix(path), Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.SocketMissing);
        error.Message.ShouldContain("nor does its directory");
    }

    [Fact]
    public async Task ExecuteAsync_StaleSocketFile_ThrowsConnectionRefused()
    {
        using var directory = new TempDirectory("ce");
        var path = directory.Combine("stale.sock");
        // Bind without listening: the file exists as a socket but nothing accepts, as after a hard stop.
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(path));
        await using var session = new StatsSession(StatsEndpoint.Unix(path), Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.ConnectionRefused);
        error.Message.ShouldContain("stale socket file");
    }

    [Fact]
    public async Task ExecuteAsync_RegularFileAtPath_ThrowsNotAStatsSocket()
    {
        using var directory = new TempDirectory("ce");
        var path = directory.Combine("file.sock");
        await File.WriteAllTextAsync(path, "not a socket");
        await using var session = new StatsSession(StatsEndpoint.Unix(path), Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.NotAStatsSocket);
        error.Message.ShouldContain("not a socket");
    }

    [Fact]
    public async Task ExecuteAsync_ClosedTcpPort_ThrowsConnectionRefused()
    {
        var port = FreePort.Next();
        await using var session = new StatsSession(StatsEndpoint.Tcp("127.0.0.1", port), Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.ConnectionRefused);
        error.Message.ShouldContain($"127.0.0.1:{port}");
    }

    [Fact]
    public async Task ExecuteAsync_HttpServerAnswers_ThrowsNotAStatsSocket()
    {
        await using var server = new FakeStatsServer(async c =>
        {
            await c.ReadLineAsync();
            await c.SendAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        });
        await using var session = new StatsSession(server.Endpoint, Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.NotAStatsSocket);
        error.Message.ShouldContain("HTTP/1.1 400");
    }

    [Fact]
    public async Task ExecuteAsync_EchoServer_ThrowsNotAStatsSocket()
    {
        await using var server = new FakeStatsServer(async c =>
        {
            while (await c.ReadLineAsync() is { } line)
            {
                await c.SendAsync(line + "\n");
            }
        });
        await using var session = new StatsSession(server.Endpoint, Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.NotAStatsSocket);
        error.Message.ShouldContain("prompt");
    }

    [Fact]
    public async Task ExecuteAsync_PromptLikeServerThatIsNotHAProxy_ThrowsNotAStatsSocket()
    {
        // Greets like HAProxy but answers every command with nothing: show info has no Pid.
        await using var server = new FakeStatsServer(async c =>
        {
            while (await c.ReadLineAsync() is not null)
            {
                await c.SendAsync("\n> ");
            }
        });
        await using var session = new StatsSession(server.Endpoint, Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show stat"));

        error.Error.ShouldBe(StatsSocketError.NotAStatsSocket);
    }

    [Fact]
    public async Task ExecuteAsync_SilentServer_ThrowsTimeoutNamingTheConnectDeadline()
    {
        await using var server = new FakeStatsServer(async c => { await c.ReadLineAsync(); await c.StaySilentAsync(); });
        await using var session = new StatsSession(server.Endpoint, Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.Timeout);
        error.Message.ShouldContain("ConnectTimeout");
    }

    [Fact]
    public async Task ExecuteAsync_PathLongerThanUnixLimit_ThrowsWithAdvice()
    {
        var path = "/tmp/" + new string('a', 120) + ".sock";
        await using var session = new StatsSession(StatsEndpoint.Unix(path), Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Message.ShouldContain("107 bytes");
    }
}
