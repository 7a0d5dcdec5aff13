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
        stat.ShouldEndWith(",\n");
        table.Select(r => r.ServiceName).ShouldContain("srv1");
        session.ConnectionGeneration.ShouldBe(1);
    }
}
