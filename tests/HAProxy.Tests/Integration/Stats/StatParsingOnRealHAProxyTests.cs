using HAProxy.Fields;
using HAProxy.Info;
using HAProxy.Servers;
using HAProxy.Stats;
using TestSupport;

namespace HAProxy.Tests.Integration.Stats;

/// <summary>Parses replies captured from a real haproxy 2.6 that this test starts and sends traffic through.</summary>
[Trait("Category", "Integration")]
public sealed class StatParsingOnRealHAProxyTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("stat");
    private readonly TestHttpBackend _web1 = new();
    private readonly TestHttpBackend _web2 = new();
    private readonly int _closedPort = FreePort.Next();
    private readonly int _frontendPort = FreePort.Next();
    private HAProxyProcess _haproxy = null!;

    private string Socket => _dir.Combine("admin.sock");

    public async Task InitializeAsync()
    {
        var config = $"""
            global
              stats socket {Socket} mode 600 level admin
            defaults
              mode http
              timeout connect 1s
              timeout client 5s
              timeout server 5s
            frontend fe
              bind 127.0.0.1:{_frontendPort}
              default_backend be
            backend be
              balance roundrobin
              server web1 {_web1.Address} check inter 200ms rise 1 fall 1
              server web2 {_web2.Address} check inter 200ms rise 1 fall 1
              server gone 127.0.0.1:{_closedPort} check inter 200ms rise 1 fall 1
              server spare {_web1.Address} check inter 200ms backup
            """;
        _haproxy = await HAProxyProcess.StartAsync(_dir.Path, config, Socket);
    }

    public async Task DisposeAsync()
    {
        await _haproxy.DisposeAsync();
        _web1.Dispose();
        _web2.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Parse_ShowStatAfterKnownTraffic_CountersMatchWhatWasSent()
    {
        await WaitForStatusAsync("gone", ServerState.Down);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_frontendPort}") };
        const int requests = 40;
        for (var i = 0; i < requests; i++)
        {
            (await client.GetAsync($"/item/{i}")).EnsureSuccessStatusCode();
        }

        var table = StatCsvParser.Parse(await RawStatsSocket.SendAsync(Socket, "show stat"));

        table.SkippedRows.ShouldBe(0);
        table.Select(r => r.ToString()).ShouldBe(["fe/FRONTEND", "be/web1", "be/web2", "be/gone", "be/spare", "be/BACKEND"]);
        var frontend = table.Single(r => r.Type == StatRowType.Frontend);
        frontend.GetInt64("req_tot").ShouldBe(requests);
        frontend.GetInt64("hrsp_2xx").ShouldBe(requests);
        var servers = table.Where(r => r.Type == StatRowType.Server).ToArray();
        servers.Sum(r => r.GetInt64("stot") ?? 0).ShouldBe(requests);
        servers.Single(r => r.ServiceName == "gone").Status.Up.ShouldBe(0);
        servers.Single(r => r.ServiceName == "gone").GetString("check_status").ShouldBe("L4CON");
        servers.Single(r => r.ServiceName == "spare").GetInt64("bck").ShouldBe(1);
        table.Single(r => r.Type == StatRowType.Backend).GetInt64("act").ShouldBe(2);
        table.ShouldAllBe(r => r.Status.State != ServerState.Unknown);
    }

    [Fact]
    public async Task Parse_ShowStatHeader_EveryStandardColumnIsInTheCatalogue()
    {
        var table = StatCsvParser.Parse(await RawStatsSocket.SendAsync(Socket, "show stat"));

        table.Columns.TakeWhile(c => c != "-").Where(c => FieldCatalogue.Find(c) is null).ShouldBeEmpty();
    }

    [Fact]
    public async Task Parse_MaintenanceViaAdminCommand_StatusIsMaint()
    {
        (await RawStatsSocket.SendAsync(Socket, "disable server be/web2")).ShouldBe("\n");

        var row = StatCsvParser.Parse(await RawStatsSocket.SendAsync(Socket, "show stat")).Single(r => r.ServiceName == "web2");

        row.Status.State.ShouldBe(ServerState.Maint);
        row.Status.Up.ShouldBe(0);
    }

    [Fact]
    public async Task Parse_ShowInfoAndServersState_FromTheRunningProcess()
    {
        var info = ProcessInfo.Parse(await RawStatsSocket.SendAsync(Socket, "show info"));
        var state = ServersStateParser.Parse(await RawStatsSocket.SendAsync(Socket, "show servers state be"));

        info.Pid.ShouldBe(_haproxy.Pid);
        info.Stopping.ShouldBeFalse();
        info.Version!.ShouldStartWith("2.6");
        state.Rows.Select(r => r.ServerName).ShouldBe(["web1", "web2", "gone", "spare"]);
        state.Rows.Single(r => r.ServerName == "web1").Port.ShouldBe(_web1.Port);
    }

    private async Task WaitForStatusAsync(string server, ServerState expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var table = StatCsvParser.Parse(await RawStatsSocket.SendAsync(Socket, "show stat"));
            var status = table.Single(r => r.ServiceName == server).Status;
            if (status.State == expected && !status.IsTransitioning)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{server} stayed {status} instead of {expected}");
            }
            await Task.Delay(100);
        }
    }
}
