using Microsoft.Extensions.Time.Testing;
using HAProxy.Info;
using HAProxy.Sockets;
using TestSupport;

namespace HAProxy.Tests.Sockets;

public sealed class StatsSessionReconnectTests
{
    private static StatsSessionOptions Options(TimeSpan checkInterval) => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(5),
        ProcessCheckInterval = checkInterval,
    };

    private static Task<bool> Ok(FakeClient client, string command) => client.SendAsync($"ok {command}\n\n> ").ContinueWith(_ => true);

    [Fact]
    public async Task ExecuteAsync_ClosedBeforeAnswering_ReconnectsAndRetriesOnce()
    {
        var haproxy = new FakeHAProxy { Answer = async (c, cmd) => c.Index > 1 && await Ok(c, cmd) };
        await using var server = new FakeStatsServer(haproxy.Serve);
        await using var session = new StatsSession(server.Endpoint, Options(TimeSpan.FromHours(1)));

        var reply = await session.ExecuteAsync("show stat");

        reply.ShouldBe("ok show stat\n");
        session.ConnectionGeneration.ShouldBe(2);
        session.Process.ShouldNotBeNull().Pid.ShouldBe(haproxy.Pid + 2);
    }

    [Fact]
    public async Task ExecuteAsync_ClosedBeforeAnsweringEveryTime_ThrowsDisconnected()
    {
        var haproxy = new FakeHAProxy { Answer = (_, _) => Task.FromResult(false) };
        await using var server = new FakeStatsServer(haproxy.Serve);
        await using var session = new StatsSession(server.Endpoint, Options(TimeSpan.FromHours(1)));

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show stat"));

        error.Error.ShouldBe(StatsSocketError.Disconnected);
        server.Connections.ShouldBe(2);
    }

    [Fact]
    public async Task ExecuteAsync_ClosedByServerBetweenCommands_ReconnectsBeforeSending()
    {
        var haproxy = new FakeHAProxy { Answer = async (c, cmd) => await Ok(c, cmd) && false };
        await using var server = new FakeStatsServer(haproxy.Serve);
        await using var session = new StatsSession(server.Endpoint, Options(TimeSpan.FromHours(1)));

        (await session.ExecuteAsync("a")).ShouldBe("ok a\n");
        await Poll.UntilAsync(() => server.Connections == 1 && haproxy.Commands.Count >= 3, TimeSpan.FromSeconds(5), "one connection and three commands", TimeSpan.FromMilliseconds(10));
        (await session.ExecuteAsync("b")).ShouldBe("ok b\n");

        session.ConnectionGeneration.ShouldBe(2);
    }

    [Fact]
    public async Task ExecuteAsync_SocketFileReplaced_ReconnectsToTheNewListener()
    {
        var haproxy = new FakeHAProxy { Answer = async (c, _) => await c.SendAsync($"listener {c.ListenerGeneration}\n\n> ").ContinueWith(_ => true) };
        await using var server = new FakeStatsServer(haproxy.Serve);
        await using var session = new StatsSession(server.Endpoint, Options(TimeSpan.FromHours(1)));
        (await session.ExecuteAsync("show stat")).ShouldBe("listener 0\n");

        server.Rebind();
        var after = await session.ExecuteAsync("show stat");

        after.ShouldBe("listener 1\n");
        session.ConnectionGeneration.ShouldBe(2);
        session.LastReconnectReason.ShouldNotBeNull().ShouldContain("replaced");
    }

    [Fact]
    public async Task ExecuteAsync_ProcessCheckDueAndProcessStopping_ReconnectsBeforeRunningTheCommand()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var haproxy = new FakeHAProxy { Answer = async (c, _) => await c.SendAsync($"from pid {PidOf(c)}\n\n> ").ContinueWith(_ => true) };
        await using var server = new FakeStatsServer(haproxy.Serve);
        await using var session = new StatsSession(server.Endpoint, Options(TimeSpan.FromSeconds(1)), time);
        (await session.ExecuteAsync("show stat")).ShouldBe("from pid 1\n");

        haproxy.MarkStopping(1);
        time.Advance(TimeSpan.FromSeconds(2));
        var after = await session.ExecuteAsync("show stat");

        after.ShouldBe("from pid 2\n");
        session.Process.ShouldNotBeNull().Pid.ShouldBe(haproxy.Pid + 2);
        session.LastReconnectReason.ShouldNotBeNull().ShouldContain("Stopping");
    }

    [Fact]
    public async Task ExecuteAsync_ProcessCheckNotDue_SendsNoShowInfo()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var haproxy = new FakeHAProxy { Answer = Ok };
        await using var server = new FakeStatsServer(haproxy.Serve);
        await using var session = new StatsSession(server.Endpoint, Options(TimeSpan.FromSeconds(10)), time);

        for (var i = 0; i < 5; i++)
        {
            await session.ExecuteAsync("show stat");
            time.Advance(TimeSpan.FromSeconds(1));
        }
        time.Advance(TimeSpan.FromSeconds(10));
        await session.ExecuteAsync("show stat");

        // One show info while connecting, one when the interval had passed.
        haproxy.Commands.Count(c => c == "show info").ShouldBe(2);
        haproxy.Commands.Count(c => c == "show stat").ShouldBe(6);
    }

    [Fact]
    public async Task ExecuteAsync_UserShowInfoSaysStopping_ReturnsTheNewProcessInstead()
    {
        var haproxy = new FakeHAProxy { Answer = Ok };
        await using var server = new FakeStatsServer(haproxy.Serve);
        await using var session = new StatsSession(server.Endpoint, Options(TimeSpan.FromHours(1)));
        await session.ExecuteAsync("show stat");

        haproxy.MarkStopping(1);
        var info = ProcessInfo.Parse(await session.ExecuteAsync("show info"));

        info.Stopping.ShouldBeFalse();
        info.Pid.ShouldBe(haproxy.Pid + 2);
        session.Process.ShouldNotBeNull().Pid.ShouldBe(haproxy.Pid + 2);
    }

    [Fact]
    public async Task ExecuteAsync_EveryNewConnectionStopping_ThrowsDisconnected()
    {
        var haproxy = new FakeHAProxy { Answer = Ok };
        haproxy.MarkStopping(int.MaxValue);
        await using var server = new FakeStatsServer(haproxy.Serve);
        await using var session = new StatsSession(server.Endpoint, Options(TimeSpan.FromHours(1)));

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show stat"));

        error.Error.ShouldBe(StatsSocketError.Disconnected);
        error.Message.ShouldContain("stopping");
        session.Process.ShouldBeNull();
    }

    private static int PidOf(FakeClient client) => client.Index;
}
