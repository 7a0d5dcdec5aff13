using Alerter.Tests.Integration.Sending;
using Alerter.Tests.Support;
using System.Net.Sockets;
using System.Text;
using TestSupport;
using Xunit.Abstractions;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// Issue 17: Debian's stock HAProxy config has two <c>log</c> lines (<c>local0</c>, and <c>local1 notice</c>), and
/// Debian's rsyslog rule writes both to one file, so every state change is logged twice. The same scenario (one
/// server DOWN and UP, one server flapping three times, a backend emptied) runs with one <c>log</c> line and with
/// Debian's two, over each log pipeline, and must store, mail and page exactly the same. Issue 17 item 5 and issue 18
/// item 3 on the same lab: a reload with a server DOWN, and forged flapping lines before a real outage.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DuplicateLogCopiesTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, string[]> Backends = new()
    {
        ["app"] = ["web1", "web2"],
        ["flap"] = ["f1", "f2"],
        ["api"] = ["api1", "api2"],
    };

    private sealed record Outcome(long Events, IReadOnlyList<string> Subjects, int Sms, int Critical, string Log);

    [Theory]
    [InlineData(LabLogPipelines.Sink)]
    [InlineData(LabLogPipelines.Rsyslog)]
    [InlineData(LabLogPipelines.Journal)]
    public async Task Run_DebianStockLogLines_SameEventsMailsAndSmsAsOneLogLine(string pipeline)
    {
        var one = await RunScenarioAsync(pipeline, LabLogTargets.One);
        var debian = await RunScenarioAsync(pipeline, LabLogTargets.DebianStock);

        output.WriteLine($"one log line: {one.Events} events, SMS {one.Sms}, mails: {string.Join(" | ", one.Subjects)}");
        output.WriteLine($"Debian's two: {debian.Events} events, SMS {debian.Sms}, mails: {string.Join(" | ", debian.Subjects)}");
        // The scenario really doubled the lines: every state change is in Debian's log twice.
        CountLines(debian.Log, "Server flap/f1 is ").ShouldBe(2 * CountLines(one.Log, "Server flap/f1 is "));
        CountLines(one.Log, "Server flap/f1 is ").ShouldBe(6);
        debian.Events.ShouldBe(one.Events, debian.Log);
        debian.Subjects.ShouldBe(one.Subjects);
        debian.Sms.ShouldBe(one.Sms);
        foreach (var run in new[] { one, debian })
        {
            run.Critical.ShouldBe(1, string.Join(" | ", run.Subjects)); // the emptied backend pages critical, once
            run.Sms.ShouldBe(1);
            run.Subjects.Count(s => s.StartsWith("[WARNING] flap/f1 is flapping", StringComparison.Ordinal)).ShouldBe(1);
        }
    }

    /// <summary>One DOWN/UP, three DOWN/UP cycles of f1 (the fifth change makes it flap), then both api servers stopped.</summary>
    private async Task<Outcome> RunScenarioAsync(string pipeline, LabLogTargets targets)
    {
        await using var lab = await EndToEndLab.StartAsync(Backends, new EndToEndLabOptions { Pipeline = pipeline, Targets = targets, ScanInterval = ScanInterval }, DeliverySettings.Noc);
        await lab.WaitUntilCaughtUpAsync(AlertTimeout);
        // Each step waits until the Alerter has read, dispatched and sent the step's lines: the groups (and so the
        // mails) do not depend on how fast the machine is.
        async Task Step(string server, bool stop, string logText, int occurrence)
        {
            if (stop)
            {
                lab.Server(server).Stop();
            }
            else
            {
                lab.Server(server).Start();
            }
            await lab.WaitForLogLinesAsync(logText, occurrence * (targets == LabLogTargets.DebianStock ? 2 : 1), LogTimeout);
            await lab.WaitUntilCaughtUpAsync(AlertTimeout);
        }
        await Step("app/web1", stop: true, "Server app/web1 is DOWN", 1);
        await Step("app/web1", stop: false, "Server app/web1 is UP", 1);
        for (var i = 1; i <= 3; i++)
        {
            await Step("flap/f1", stop: true, "Server flap/f1 is DOWN", i);
            await Step("flap/f1", stop: false, "Server flap/f1 is UP", i);
        }
        lab.Server("api/api1").Stop();
        await Step("api/api2", stop: true, "backend api has no server available", 1);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        var subjects = lab.Smtp.Messages().Select(m => m.Subject).ToList();
        return new Outcome(lab.Scalar("SELECT COUNT(*) FROM haproxy_event"), subjects, lab.Sms.Requests.Count,
            subjects.Count(s => s.StartsWith("[CRITICAL] backend api has no server available", StringComparison.Ordinal)), lab.ReadLog());
    }

    /// <summary>Issue 17 item 5: the new worker after a reload re-checks a DOWN server and logs "is DOWN" again.</summary>
    [Fact]
    public async Task Run_ReloadWithAServerDown_NoNewDownMail()
    {
        await using var lab = await EndToEndLab.StartAsync(new Dictionary<string, string[]> { ["app"] = ["web1", "web2"] },
            new EndToEndLabOptions { Pipeline = LabLogPipelines.Rsyslog, Targets = LabLogTargets.DebianStock, ScanInterval = ScanInterval }, DeliverySettings.Noc);
        lab.Server("app/web1").Stop();
        await lab.WaitForLogLinesAsync("Server app/web1 is DOWN", 2, LogTimeout);
        await lab.WaitForMessagesAsync(1, AlertTimeout);
        await lab.WaitUntilCaughtUpAsync(AlertTimeout);
        var before = lab.HAProxy.Pid;

        await lab.HAProxy.ReloadAsync();
        await lab.WaitForLogLinesAsync($"haproxy[{lab.HAProxy.Pid}]: Server app/web1 is DOWN", 2, LogTimeout);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        lab.HAProxy.Pid.ShouldNotBe(before);
        var mail = lab.Smtp.Messages().ShouldHaveSingleItem(lab.Describe());
        mail.Subject.ShouldStartWith("[WARNING] app/web1 is DOWN");
        lab.Scalar("SELECT COUNT(*) FROM haproxy_event WHERE server = 'web1' AND kind = 'ServerDown'").ShouldBe(2); // both processes' messages, once each
        lab.Scalar("SELECT COUNT(*) FROM haproxy_event WHERE server = 'web1' AND kind = 'ServerDown' AND severity = 'info'").ShouldBe(1); // the repeat: recorded, not paged
    }

    /// <summary>
    /// Issue 18 item 3: twelve forged DOWN/UP lines (anyone can write to the syslog socket) make both servers of app
    /// "flapping"; the real total outage that follows was flap-suppressed: no critical page. The Collector's samples
    /// show the backend without an active server, so it pages critical, with SMS, once.
    /// </summary>
    [Fact]
    public async Task Run_ForgedFlappingThenARealOutageTheStoreConfirms_PagesCriticalWithSms()
    {
        await using var lab = await EndToEndLab.StartAsync(new Dictionary<string, string[]> { ["app"] = ["web1", "web2"] },
            new EndToEndLabOptions { Pipeline = LabLogPipelines.Rsyslog, Targets = LabLogTargets.DebianStock, ScanInterval = ScanInterval, Collector = true }, DeliverySettings.Noc);
        await lab.WaitUntilCaughtUpAsync(AlertTimeout);
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified))
        {
            for (var i = 0; i < 6; i++)
            {
                foreach (var server in new[] { "web1", "web2" })
                {
                    var now = DateTime.Now;
                    var line = i % 2 == 0 ? CapturedLines.Down(now, "app", server) : CapturedLines.Up(now, "app", server);
                    socket.SendTo(Encoding.UTF8.GetBytes(line.Replace("haproxy[6085]", $"haproxy[{lab.HAProxy.Pid}]", StringComparison.Ordinal)),
                        new UnixDomainSocketEndPoint(lab.LogSocket));
                }
            }
        }
        await lab.WaitForLogLinesAsync("Server app/web2 is UP", 3, LogTimeout);
        await lab.WaitUntilCaughtUpAsync(AlertTimeout);
        lab.Smtp.Messages().Count(m => m.Subject.Contains("is flapping", StringComparison.Ordinal)).ShouldBe(2, lab.Describe());

        lab.Server("app/web1").Stop();
        lab.Server("app/web2").Stop();
        await lab.WaitForLogLinesAsync("backend app has no server available", 1, LogTimeout);
        await Poll.UntilAsync(() => lab.Smtp.Messages().Any(m => m.Subject.StartsWith("[CRITICAL] backend app has no server available", StringComparison.Ordinal)),
            AlertTimeout, () => "no critical page; " + lab.Describe());
        await lab.WaitForSmsAsync(1, AlertTimeout);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        lab.Smtp.Messages().Count(m => m.Subject.StartsWith("[CRITICAL]", StringComparison.Ordinal)).ShouldBe(1, lab.Describe());
        lab.Sms.Requests.Count.ShouldBe(1, lab.Describe());
        output.WriteLine(string.Join(" | ", lab.Smtp.Messages().Select(m => m.Subject)));
    }

    private static int CountLines(string log, string text) => log.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));
}
