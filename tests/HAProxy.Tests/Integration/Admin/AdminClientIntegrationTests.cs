using System.Net.Sockets;
using HAProxy.Admin;
using HAProxy.Sockets;
using HAProxy.Stats;
using HAProxy.Tests.Integration.Sockets;

namespace HAProxy.Tests.Integration.Admin;

[Trait("Category", "Integration")]
public sealed class AdminClientIntegrationTests
{
    private static readonly ServerRef Srv1 = new("be", "srv1");

    [Fact]
    public async Task ExecuteAsync_SetStateMaintDrainReady_ShowStatFollows()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));
        var admin = new AdminClient(session);
        await WaitForStatusAsync(session, "srv1", ServerState.Up);

        (await admin.ExecuteAsync(AdminCommand.SetState(Srv1, ServerAdminState.Maint))).Succeeded.ShouldBeTrue();
        await WaitForStatusAsync(session, "srv1", ServerState.Maint);
        (await admin.ExecuteAsync(AdminCommand.SetState(Srv1, ServerAdminState.Drain))).Succeeded.ShouldBeTrue();
        await WaitForStatusAsync(session, "srv1", ServerState.Drain);
        (await admin.ExecuteAsync(AdminCommand.SetState(Srv1, ServerAdminState.Ready))).Succeeded.ShouldBeTrue();
        await WaitForStatusAsync(session, "srv1", ServerState.Up);
    }

    [Fact]
    public async Task ExecuteAsync_SetWeightAbsoluteAndPercent_GetWeightReportsThem()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));
        var admin = new AdminClient(session);

        (await admin.ExecuteAsync(AdminCommand.SetWeight(Srv1, 50))).Succeeded.ShouldBeTrue();
        var absolute = await admin.GetWeightAsync(Srv1);
        (await admin.ExecuteAsync(AdminCommand.SetWeightPercent(Srv1, 50))).Succeeded.ShouldBeTrue();
        var relative = await admin.GetWeightAsync(Srv1);

        absolute.ShouldBe(new ServerWeight(50, 10));
        relative.ShouldBe(new ServerWeight(5, 10));
        Row(StatCsvParser.Parse(await session.ExecuteAsync("show stat")), "srv1").GetInt64("weight").ShouldBe(5);
    }

    [Fact]
    public async Task ExecuteAsync_HealthCommands_StatusFollows()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));
        var admin = new AdminClient(session);
        await WaitForStatusAsync(session, "srv1", ServerState.Up);

        (await admin.ExecuteAsync(AdminCommand.DisableHealth(Srv1))).Succeeded.ShouldBeTrue();
        await WaitForStatusAsync(session, "srv1", ServerState.NoCheck);
        // With checks off, a forced health state stays as set.
        (await admin.ExecuteAsync(AdminCommand.SetHealth(Srv1, up: false))).Succeeded.ShouldBeTrue();
        await WaitForStatusAsync(session, "srv1", ServerState.Down);
        (await admin.ExecuteAsync(AdminCommand.SetHealth(Srv1, up: true))).Succeeded.ShouldBeTrue();
        await WaitForStatusAsync(session, "srv1", ServerState.NoCheck);
        (await admin.ExecuteAsync(AdminCommand.EnableHealth(Srv1))).Succeeded.ShouldBeTrue();
        await WaitForStatusAsync(session, "srv1", ServerState.Up);
    }

    [Fact]
    public async Task ExecuteAsync_ShutdownSessions_ClosesTheServersSessions()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));
        var admin = new AdminClient(session);
        var t1 = new ServerRef("tcpx", "t1");
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", bed.TcpListenPort);
        await HAProxyTestBed.WaitUntilAsync(async () =>
            Row(StatCsvParser.Parse(await session.ExecuteAsync("show stat")), "t1").GetInt64("scur") == 1, "t1 has one session");

        var result = await admin.ExecuteAsync(AdminCommand.ShutdownSessions(t1));
        using var read = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var bytes = await client.GetStream().ReadAsync(new byte[16], read.Token);

        result.Succeeded.ShouldBeTrue();
        bytes.ShouldBe(0); // HAProxy closed the client side of the session
        await HAProxyTestBed.WaitUntilAsync(async () =>
            Row(StatCsvParser.Parse(await session.ExecuteAsync("show stat")), "t1").GetInt64("scur") == 0, "t1 has no session");
    }

    [Fact]
    public async Task ExecuteAsync_HAProxyRejects_ReturnsItsText()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));
        var admin = new AdminClient(session);

        var noSuch = await admin.ExecuteAsync(AdminCommand.SetState(new ServerRef("be", "nosuch"), ServerAdminState.Drain));
        var weightError = await Should.ThrowAsync<StatsSocketException>(() => admin.GetWeightAsync(new ServerRef("be", "nosuch")));

        noSuch.ShouldBe(new AdminResult("set server be/nosuch state drain", false, "No such server."));
        weightError.Error.ShouldBe(StatsSocketError.CommandRejected);
        weightError.Message.ShouldContain("No such server.");
    }

    [Theory]
    [InlineData("oper.sock")]
    [InlineData("user.sock")]
    public async Task ExecuteAsync_SocketBelowAdminLevel_ThrowsInsufficientLevelAndChangesNothing(string socket)
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.Directory.Combine(socket)));
        var admin = new AdminClient(session);

        var error = await Should.ThrowAsync<StatsSocketException>(() => admin.ExecuteAsync(AdminCommand.SetState(Srv1, ServerAdminState.Maint)));

        error.Error.ShouldBe(StatsSocketError.InsufficientLevel);
        error.Message.ShouldContain("level admin");
        Row(StatCsvParser.Parse(await session.ExecuteAsync("show stat")), "srv1").Status.State.ShouldNotBe(ServerState.Maint);
    }

    [Fact]
    public async Task ExecuteAsync_OverTcpAdminSocket_Works()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Tcp("127.0.0.1", bed.StatsPort));
        var admin = new AdminClient(session);

        (await admin.ExecuteAsync(AdminCommand.SetWeight(Srv1, 3))).Succeeded.ShouldBeTrue();

        (await admin.GetWeightAsync(Srv1)).Current.ShouldBe(3);
    }

    private static StatRow Row(StatTable table, string server) => table.Single(r => r.ServiceName == server);

    private static Task WaitForStatusAsync(StatsSession session, string server, ServerState state) =>
        HAProxyTestBed.WaitUntilAsync(async () =>
            Row(StatCsvParser.Parse(await session.ExecuteAsync("show stat")), server).Status.State == state, $"{server} is {state}");
}
