using System.Text;
using HAProxy.Sockets;

namespace HAProxy.Tests.Sockets;

public sealed class StatsSessionFramingTests
{
    private static StatsSessionOptions Fast => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(2),
        CommandTimeout = TimeSpan.FromSeconds(2),
        ProcessCheckInterval = TimeSpan.FromHours(1),
    };

    private static (FakeStatsServer Server, FakeHAProxy HAProxy) Start(Func<FakeClient, string, Task<bool>> answer)
    {
        var haproxy = new FakeHAProxy { Answer = answer };
        return (new FakeStatsServer(haproxy.Serve), haproxy);
    }

    [Fact]
    public async Task ExecuteAsync_ReplySplitAcrossManyReads_ReturnsWholeText()
    {
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"line {i}\n"));
        var (server, _) = Start(async (c, _) => { await c.SendInChunksAsync(text + "\n> ", 7); return true; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast with { CommandTimeout = TimeSpan.FromSeconds(30) });

        var reply = await session.ExecuteAsync("show stat");

        reply.ShouldBe(text);
    }

    [Fact]
    public async Task ExecuteAsync_PromptSequenceInsideText_ReadsUntilTheFinalPrompt()
    {
        const string text = "a\n> b\n\n> c\n";
        var (server, _) = Start(async (c, _) => { await c.SendAsync(text + "\n> "); return true; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast);

        (await session.ExecuteAsync("show errors")).ShouldBe(text);
        (await session.ExecuteAsync("show errors")).ShouldBe(text);
    }

    [Fact]
    public async Task ExecuteAsync_EmptyReply_ReturnsEmptyString()
    {
        var (server, _) = Start(async (c, _) => { await c.SendAsync("\n> "); return true; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast);

        (await session.ExecuteAsync("set server be/srv1 state drain")).ShouldBe("");
    }

    [Fact]
    public async Task ExecuteAsync_ConnectionEndsMidReply_ThrowsTruncated()
    {
        var (server, _) = Start(async (c, _) => { await c.SendAsync("# pxname,svname\nbe,srv1,"); return false; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show stat"));

        error.Error.ShouldBe(StatsSocketError.Truncated);
        error.Message.ShouldContain("incomplete");
    }

    [Fact]
    public async Task ExecuteAsync_ReplyWithoutEmptyLineBeforePrompt_IsNotTakenAsComplete()
    {
        // "text\n> " lacks the empty line: HAProxy never frames a reply so, so the session waits, then EOF cuts it.
        var (server, _) = Start(async (c, _) => { await c.SendAsync("partial\n> "); return false; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info typed"));

        error.Error.ShouldBe(StatsSocketError.Truncated);
    }

    [Fact]
    public async Task ExecuteAsync_ReplyLargerThanMaxReplyBytes_ThrowsReplyTooLargeAndReconnectsNextTime()
    {
        var big = new string('x', 20_000) + "\n";
        var (server, _) = Start(async (c, cmd) => { await c.SendAsync((cmd == "big" ? big : "small\n") + "\n> "); return true; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast with { MaxReplyBytes = 1_000 });

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("big"));
        var next = await session.ExecuteAsync("small");

        error.Error.ShouldBe(StatsSocketError.ReplyTooLarge);
        next.ShouldBe("small\n");
        session.ConnectionGeneration.ShouldBe(2);
    }

    [Fact]
    public async Task ExecuteAsync_GarbageBytesAndInvalidUtf8_DecodedWithReplacementCharacters()
    {
        var garbage = new byte[] { 0xff, 0xfe, 0x00, 0x01, (byte)'o', (byte)'k', 0xc3, (byte)'\n' };
        var (server, _) = Start(async (c, _) => { await c.SendAsync([.. garbage, .. "\n> "u8.ToArray()]); return true; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast);

        var reply = await session.ExecuteAsync("show errors");

        reply.ShouldContain("\uFFFD");
        reply.ShouldContain("ok");
        reply.ShouldEndWith("\n");
    }

    [Fact]
    public async Task ExecuteAsync_GarbageWithoutTerminatorThenEof_ThrowsTruncated()
    {
        var (server, _) = Start(async (c, _) => { await c.SendAsync(Enumerable.Range(0, 5000).Select(i => (byte)(i * 31)).ToArray()); return false; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast);

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show stat"));

        error.Error.ShouldBe(StatsSocketError.Truncated);
    }

    [Fact]
    public async Task ExecuteAsync_NoReplyWithinCommandTimeout_ThrowsTimeoutAndNextCallReconnects()
    {
        var (server, _) = Start(async (c, cmd) =>
        {
            if (cmd != "hang")
            {
                await c.SendAsync("fine\n\n> ");
            }
            return true;
        });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast with { CommandTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("hang"));
        var next = await session.ExecuteAsync("show version");

        error.Error.ShouldBe(StatsSocketError.Timeout);
        next.ShouldBe("fine\n");
        session.ConnectionGeneration.ShouldBe(2);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_ThrowsOperationCanceledAndDropsConnection()
    {
        var (server, _) = Start(async (c, cmd) =>
        {
            if (cmd != "hang")
            {
                await c.SendAsync("fine\n\n> ");
            }
            return true;
        });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast);
        await session.ExecuteAsync("show version");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => session.ExecuteAsync("hang", cancel.Token));
        var next = await session.ExecuteAsync("show version");

        next.ShouldBe("fine\n");
        session.ConnectionGeneration.ShouldBe(2);
    }

    [Fact]
    public async Task ExecuteAsync_ConcurrentCalls_EachGetsItsOwnReply()
    {
        var (server, _) = Start(async (c, cmd) => { await c.SendInChunksAsync($"echo {cmd}\n\n> ", 5); return true; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast with { CommandTimeout = TimeSpan.FromSeconds(30) });

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => session.ExecuteAsync($"get var {i}")));

        replies.ShouldBe(Enumerable.Range(0, 20).Select(i => $"echo get var {i}\n").ToArray());
        session.ConnectionGeneration.ShouldBe(1);
    }

    [Theory]
    [InlineData("show info\nshutdown sessions server be/srv1")]
    [InlineData("show info;shutdown sessions server be/srv1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("show\rinfo")]
    public async Task ExecuteAsync_UnsafeCommandText_ThrowsArgumentExceptionAndSendsNothing(string command)
    {
        var (server, haproxy) = Start(async (c, _) => { await c.SendAsync("\n> "); return true; });
        await using var _s = server;
        await using var session = new StatsSession(server.Endpoint, Fast);

        await Should.ThrowAsync<ArgumentException>(() => session.ExecuteAsync(command));

        server.Connections.ShouldBe(0);
        haproxy.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var (server, _) = Start(async (c, _) => { await c.SendAsync("\n> "); return true; });
        await using var _s = server;
        var session = new StatsSession(server.Endpoint, Fast);
        await session.ExecuteAsync("x");
        await session.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => session.ExecuteAsync("x"));
    }

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
