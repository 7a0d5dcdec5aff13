using System.Net;
using System.Net.Sockets;
using TestSupport;

namespace HAProxy.Tests.Integration.Proxy;

/// <summary>proxy/start.sh, reload.sh and stop.sh: they manage exactly their own processes, by PID file.</summary>
[Trait("Category", "Integration")]
public sealed class ProxyLifecycleTests
{
    [Fact]
    public async Task StopSh_AfterStartAndReload_LeavesNoProcessBehind()
    {
        using var directory = new TempDirectory("px");
        var scripts = ProxyScripts.ForRunDirectory(directory.Path);
        try
        {
            (await scripts.RunAsync("start.sh")).ExitCode.ShouldBe(0);
            var recorded = scripts.RecordedPids();
            var firstWorker = await RawStatsSocket.GetPidAsync(scripts.AdminSocket);

            var reload = await scripts.RunAsync("reload.sh");
            var secondWorker = await RawStatsSocket.GetPidAsync(scripts.AdminSocket);
            var stop = await scripts.RunAsync("stop.sh");

            reload.ExitCode.ShouldBe(0, reload.ToString());
            secondWorker.ShouldNotBe(firstWorker);
            stop.ExitCode.ShouldBe(0, stop.ToString());
            recorded.Keys.ShouldBe(["backends", "haproxy", "syslog", "traffic"], ignoreOrder: true);
            var all = recorded.Values.Append(firstWorker).Append(secondWorker).ToList();
            all.Where(ProxyScripts.IsRunning).ShouldBeEmpty();
            scripts.RecordedPids().ShouldBeEmpty();
            File.Exists(scripts.AdminSocket).ShouldBeFalse();
        }
        finally
        {
            await scripts.RunAsync("stop.sh");
        }
    }

    [Fact]
    public async Task StartSh_WhileRunning_StopsThePreviousInstanceFirst()
    {
        using var directory = new TempDirectory("px");
        var scripts = ProxyScripts.ForRunDirectory(directory.Path);
        var noTraffic = new Dictionary<string, string> { ["PROXY_TRAFFIC"] = "0" };
        try
        {
            (await scripts.RunAsync("start.sh", noTraffic)).ExitCode.ShouldBe(0);
            var first = scripts.RecordedPids();

            var again = await scripts.RunAsync("start.sh", noTraffic);
            var second = scripts.RecordedPids();

            again.ExitCode.ShouldBe(0, again.ToString());
            again.Output.ShouldContain("stopping it first");
            first.Values.Where(ProxyScripts.IsRunning).ShouldBeEmpty();
            second.Values.ShouldAllBe(pid => ProxyScripts.IsRunning(pid));
        }
        finally
        {
            await scripts.RunAsync("stop.sh");
        }
    }

    [Fact]
    public async Task StartSh_PortInUse_FailsNamingThePortAndStartsNothing()
    {
        using var directory = new TempDirectory("px");
        var scripts = ProxyScripts.ForRunDirectory(directory.Path);
        using var squatter = new TcpListener(IPAddress.Loopback, scripts.HttpPort);
        squatter.Start();

        var result = await scripts.RunAsync("start.sh");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain($"port {scripts.HttpPort} (PROXY_HTTP_PORT) is already in use");
        scripts.RecordedPids().Values.Where(ProxyScripts.IsRunning).ShouldBeEmpty();
    }
}
