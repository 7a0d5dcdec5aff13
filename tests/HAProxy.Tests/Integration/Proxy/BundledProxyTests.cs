using System.Diagnostics;
using TestSupport;

namespace HAProxy.Tests.Integration.Proxy;

/// <summary>The bundled HAProxy of <c>proxy/</c>, started by its own script, seen from the outside.</summary>
[Trait("Category", "Integration")]
public sealed class BundledProxyTests(BundledProxyFixture proxy) : IClassFixture<BundledProxyFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ProxyScripts _scripts = proxy.Scripts;

    [Fact]
    public async Task StartSh_RenderedConfig_PassesHaproxyCheck()
    {
        var check = Process.Start(new ProcessStartInfo(HAProxyProcess.Binary, $"-c -f {_scripts.ConfigFile}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await check.StandardOutput.ReadToEndAsync() + await check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();

        check.ExitCode.ShouldBe(0, output);
        System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(_scripts.ConfigFile), "@[A-Z0-9_]+@").ShouldBeEmpty("every placeholder is rendered");
        proxy.Start.Output.ShouldContain($"http://127.0.0.1:{_scripts.StatsPort}/stats");
    }

    [Theory]
    [InlineData("/", "web1", "web2")]
    [InlineData("/api/items", "api1", "api2")]
    public async Task Frontend_PathRouting_ReachesBothServersOfTheBackend(string path, string first, string second)
    {
        using var client = NewClient();
        var servedBy = new HashSet<string>();

        for (var i = 0; i < 8; i++)
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{_scripts.HttpPort}{path}");
            response.IsSuccessStatusCode.ShouldBeTrue($"{path} answered {(int)response.StatusCode}");
            servedBy.Add(response.Headers.GetValues("X-Served-By").Single());
        }

        servedBy.ShouldBe([first, second], ignoreOrder: true);
    }

    [Fact]
    public async Task Frontend_WithServeridCookie_StaysOnThatServer()
    {
        using var client = NewClient();
        var servedBy = new List<string>();

        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{_scripts.HttpPort}/");
            request.Headers.Add("Cookie", "SERVERID=web2");
            using var response = await client.SendAsync(request);
            servedBy.Add(response.Headers.GetValues("X-Served-By").Single());
        }

        servedBy.ShouldAllBe(server => server == "web2");
    }

    [Fact]
    public async Task StatsSocket_ShowStat_ListsEveryProxyAndServer()
    {
        var csv = await RawStatsSocket.SendAsync(_scripts.AdminSocket, "show stat");

        var rows = csv.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => string.Join('/', line.Split(',').Take(2)))
            .ToList();
        rows.ShouldBe(
            [
                "fe_main/FRONTEND",
                "be_web/web1", "be_web/web2", "be_web/web3", "be_web/BACKEND",
                "be_api/api1", "be_api/api2", "be_api/BACKEND",
                "tcp_kv/FRONTEND", "tcp_kv/kv1", "tcp_kv/kv2", "tcp_kv/BACKEND",
                "stats/FRONTEND", "stats/BACKEND",
            ],
            ignoreOrder: true);
        (await RawStatsSocket.SendAsync(_scripts.AdminSocket, "show cli level")).Trim().ShouldBe("admin");
    }

    [Fact]
    public async Task StatsPage_Csv_ServedOnLoopback()
    {
        using var client = NewClient();

        var csv = await client.GetStringAsync($"http://127.0.0.1:{_scripts.StatsPort}/stats;csv");

        csv.ShouldStartWith("# pxname,svname,");
        csv.ShouldContain("be_web,web3,");
    }

    [Fact]
    public async Task LogFile_AfterRequests_HasHttpLogLines()
    {
        using var client = NewClient();
        using var response = await client.GetAsync($"http://127.0.0.1:{_scripts.HttpPort}/status/404");

        var found = await ProxyScripts.WaitUntilAsync(
            () => Task.FromResult(_scripts.ReadLog().Split('\n').Any(line =>
                line.Contains(" fe_main be_web/web") && line.Contains(" 404 ") && line.EndsWith("\"GET /status/404 HTTP/1.1\""))),
            Patience);

        found.ShouldBeTrue("no httplog line for GET /status/404 in the log:\n" + _scripts.ReadLog());
        _scripts.ReadLog().Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.StartsWith('<'));
    }

    [Theory]
    [InlineData("kv2", "Server tcp_kv/kv2 is DOWN, reason: ", "Server tcp_kv/kv2 is UP, reason: ")]
    [InlineData("web3", "Backup Server be_web/web3 is DOWN, reason: Layer7 wrong status, code: 503", "Backup Server be_web/web3 is UP, reason: ")]
    public async Task ToggleSh_ServerDownThenUp_LogsStateChanges(string server, string down, string up)
    {
        (await _scripts.RunAsync("demo/toggle.sh", null, server, "down")).ExitCode.ShouldBe(0);
        var wentDown = await ProxyScripts.WaitUntilAsync(() => Task.FromResult(_scripts.ReadLog().Contains(down)), Patience);
        (await _scripts.RunAsync("demo/toggle.sh", null, server, "up")).ExitCode.ShouldBe(0);
        var cameBack = await ProxyScripts.WaitUntilAsync(() => Task.FromResult(_scripts.ReadLog().Contains(up)), Patience);

        wentDown.ShouldBeTrue($"'{down}' not in the log:\n{_scripts.ReadLog()}");
        cameBack.ShouldBeTrue($"'{up}' not in the log:\n{_scripts.ReadLog()}");
    }

    [Fact]
    public async Task ToggleSh_UnknownServer_FailsWithUsage()
    {
        var result = await _scripts.RunAsync("demo/toggle.sh", null, "web9", "down");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Usage:");
    }

    private static HttpClient NewClient() =>
        new(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(10) };
}
