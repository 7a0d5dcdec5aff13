using HAProxy.Info;
using HAProxy.Sockets;
using HAProxy.Stats;

namespace HAProxy.Tests.Integration.Sockets;

[Trait("Category", "Integration")]
public sealed class StatsSessionIntegrationTests
{
    [Fact]
    public async Task ExecuteAsync_ShowInfoAndShowStat_ReturnParsableReplies()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));

        var info = ProcessInfo.Parse(await session.ExecuteAsync("show info"));
        var stat = await session.ExecuteAsync("show stat");
        var table = StatCsvParser.Parse(stat);

        info.Pid.ShouldBe(bed.HAProxy.Pid);
        session.Process.ShouldNotBeNull().Pid.ShouldBe(bed.HAProxy.Pid);
        session.Process!.Value.StartTimeUnixSeconds.ShouldBe(info.StartTimeUnixSeconds!.Value);
        stat.ShouldEndWith(",\n");
        table.Select(r => r.ServiceName).ShouldContain("srv1");
        session.ConnectionGeneration.ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_ThousandCommandsOnOneSession_AllRepliesCorrect()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket), new StatsSessionOptions { ProcessCheckInterval = TimeSpan.Zero });

        for (var i = 0; i < 1000; i++)
        {
            switch (i % 4)
            {
                case 0:
                    ProcessInfo.Parse(await session.ExecuteAsync("show info")).Pid.ShouldBe(bed.HAProxy.Pid);
                    break;
                case 1:
                    (await session.ExecuteAsync("get weight be/srv1")).ShouldBe("10 (initial 10)\n");
                    break;
                case 2:
                    StatCsvParser.Parse(await session.ExecuteAsync("show stat be 4 -1")).Select(r => r.ServiceName).ShouldBe(["srv1", "srv2"]);
                    break;
                default:
                    (await session.ExecuteAsync("show cli level")).ShouldBe("admin\n");
                    break;
            }
        }

        session.ConnectionGeneration.ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_ReloadWhileSessionOpen_ReportsOnlyTheNewProcessAndLetsTheOldOneExit()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));
        await bed.SendRequestsAsync(5);
        var oldPid = bed.HAProxy.Pid;
        FrontendRequests(await session.ExecuteAsync("show stat")).ShouldBeGreaterThanOrEqualTo(5);
        session.Process!.Value.Pid.ShouldBe(oldPid);

        await bed.HAProxy.ReloadAsync();
        var newPid = bed.HAProxy.Pid;

        newPid.ShouldNotBe(oldPid);
        for (var i = 0; i < 20; i++)
        {
            var info = ProcessInfo.Parse(await session.ExecuteAsync("show info"));
            info.Pid.ShouldBe(newPid);
            info.Stopping.ShouldBeFalse();
            FrontendRequests(await session.ExecuteAsync("show stat")).ShouldBe(0);
        }
        session.Process!.Value.Pid.ShouldBe(newPid);
        session.ConnectionGeneration.ShouldBe(2);
        session.LastReconnectReason.ShouldNotBeNull().ShouldContain("replaced");
        // The old process finishes while this session is still open: the session let go of it.
        await HAProxyTestBed.WaitUntilAsync(() => Task.FromResult(!bed.HAProxy.IsRunning(oldPid)), $"old haproxy {oldPid} exits");
    }

    [Fact]
    public async Task ExecuteAsync_ReloadOverTcp_StoppingProcessDetectedAndNeverReported()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Tcp("127.0.0.1", bed.StatsPort), new StatsSessionOptions { ProcessCheckInterval = TimeSpan.Zero });
        await bed.SendRequestsAsync(3);
        var oldPid = bed.HAProxy.Pid;
        FrontendRequests(await session.ExecuteAsync("show stat")).ShouldBeGreaterThanOrEqualTo(3);

        await bed.HAProxy.ReloadAsync();
        var newPid = bed.HAProxy.Pid;
        var pids = new List<int>();
        await HAProxyTestBed.WaitUntilAsync(async () =>
        {
            var info = ProcessInfo.Parse(await session.ExecuteAsync("show info"));
            info.Stopping.ShouldBeFalse();
            pids.Add(info.Pid!.Value);
            return info.Pid == newPid;
        }, "the session reaches the new process");

        // No TCP inode to watch: only show info's Stopping told the session (signals may arrive a moment late,
        // so the old pid may answer while it is not yet stopping, never once it is).
        pids.Distinct().ShouldBeSubsetOf([oldPid, newPid]);
        FrontendRequests(await session.ExecuteAsync("show stat")).ShouldBe(0);
        session.LastReconnectReason.ShouldNotBeNull().ShouldContain("Stopping");
        await HAProxyTestBed.WaitUntilAsync(() => Task.FromResult(!bed.HAProxy.IsRunning(oldPid)), $"old haproxy {oldPid} exits");
    }

    [Fact]
    public async Task ExecuteAsync_HardStopThenStart_RefusedThenRecoversByItself()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.AdminSocket));
        await session.ExecuteAsync("show info");

        await bed.HAProxy.StopAsync();
        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show stat"));
        await bed.HAProxy.StartAgainAsync();
        var info = ProcessInfo.Parse(await session.ExecuteAsync("show info"));

        error.Error.ShouldBeOneOf(StatsSocketError.ConnectionRefused, StatsSocketError.SocketMissing);
        info.Pid.ShouldBe(bed.HAProxy.Pid);
        session.Process!.Value.Pid.ShouldBe(bed.HAProxy.Pid);
        session.ConnectionGeneration.ShouldBe(2);
    }

    [Fact]
    public async Task ExecuteAsync_TcpEndpoint_ServesCommands()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Parse($"tcp:127.0.0.1:{bed.StatsPort}"));

        (await session.ExecuteAsync("show cli level")).ShouldBe("admin\n");
        session.Process!.Value.Pid.ShouldBe(bed.HAProxy.Pid);
    }

    [Fact]
    public async Task ExecuteAsync_HAProxysHttpFrontendPort_ThrowsNotAStatsSocket()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Tcp("127.0.0.1", bed.FrontendPort));

        var error = await Should.ThrowAsync<StatsSocketException>(() => session.ExecuteAsync("show info"));

        error.Error.ShouldBe(StatsSocketError.NotAStatsSocket);
        error.Message.ShouldContain("HTTP/1.1 400");
    }

    [Fact]
    public async Task ExecuteAsync_UserLevelSocket_SessionStillOpens()
    {
        await using var bed = await HAProxyTestBed.StartAsync();
        await using var session = new StatsSession(StatsEndpoint.Unix(bed.UserSocket));

        (await session.ExecuteAsync("show cli level")).ShouldBe("user\n");
    }

    private static long FrontendRequests(string showStat) =>
        StatCsvParser.Parse(showStat).Single(r => r.ProxyName == "fe" && r.ServiceName == "FRONTEND").GetInt64("req_tot")!.Value;
}
