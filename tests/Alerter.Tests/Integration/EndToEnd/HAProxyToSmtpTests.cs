using Alerter.Tests.Integration.Sending;
using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// Real HAProxy log lines to real mail: servers stopped and started behind a real HAProxy 2.6, the log written by a
/// syslog sink, <c>alerter run</c> scanning it every 5 s (default), aiosmtpd (STARTTLS + AUTH) and an SMS listener
/// receiving. Every test waits until the Alerter has read, dispatched and sent everything, and two scan intervals
/// more, before it counts.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HAProxyToSmtpTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ServerStoppedThenStarted_OneAlertEmailThenOneRecoveryEmail()
    {
        await using var lab = await EndToEndLab.StartAsync(new Dictionary<string, string[]> { ["app"] = ["web1", "web2"] }, DeliverySettings.Noc);

        lab.Server("app/web1").Stop();
        await lab.WaitForLogLinesAsync("Server app/web1 is DOWN", 1, LogTimeout);
        await lab.WaitForMessagesAsync(1, AlertTimeout);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        var down = lab.Smtp.Messages().ShouldHaveSingleItem(lab.Describe());
        down.Subject.ShouldBe("[WARNING] app/web1 is DOWN (Layer4 connection problem) on lb1");
        down.Header("To").ShouldBe(DeliverySettings.Noc);
        down.Body.ShouldContain("\"Connection refused\"");
        down.Body.ShouldContain("1 active and 0 backup servers");
        down.Body.ShouldContain(lab.LogLines("Server app/web1 is DOWN").ShouldHaveSingleItem().TrimEnd('\r'));
        down.Body.ShouldNotContain("app/web2");

        lab.Server("app/web1").Start();
        await lab.WaitForLogLinesAsync("Server app/web1 is UP", 1, LogTimeout);
        await lab.WaitForMessagesAsync(2, AlertTimeout);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        var messages = lab.Smtp.Messages();
        messages.Count.ShouldBe(2, lab.Describe());
        messages[0].FileName.ShouldBe(down.FileName);
        messages[1].Subject.ShouldBe("[RECOVERY] app/web1 is UP (Layer4 check passed) on lb1");
        messages[1].Header("To").ShouldBe(DeliverySettings.Noc);
        messages[1].Body.ShouldContain("2 active and 0 backup servers");
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(2);
        lab.Sms.Requests.ShouldBeEmpty(); // a warning and a recovery are not paged
        lab.LogLines(" is DOWN").Count.ShouldBe(1); // HAProxy itself logged exactly these two transitions
        lab.LogLines(" is UP").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Run_AllServersOfBackendStopped_OneGroupedEmailAndOneCriticalSms()
    {
        await using var lab = await EndToEndLab.StartAsync(new Dictionary<string, string[]> { ["app"] = ["web1", "web2", "web3"] }, DeliverySettings.Noc);

        foreach (var server in new[] { "web1", "web2", "web3" })
        {
            lab.Server("app/" + server).Stop();
        }
        await lab.WaitForLogLinesAsync("backend app has no server available", 1, LogTimeout);
        await lab.WaitForMessagesAsync(1, AlertTimeout);
        await lab.WaitForSmsAsync(1, AlertTimeout);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        lab.LogLines(" is DOWN").Count.ShouldBe(3);
        var mail = lab.Smtp.Messages().ShouldHaveSingleItem(lab.Describe());
        mail.Subject.ShouldBe("[CRITICAL] backend app has no server available (3 servers DOWN) on lb1");
        mail.Header("To").ShouldBe(DeliverySettings.Noc);
        foreach (var server in new[] { "app/web1", "app/web2", "app/web3" })
        {
            mail.Body.ShouldContain(server + " is DOWN");
        }
        var sms = lab.Sms.Requests.ShouldHaveSingleItem(lab.Describe());
        var form = sms.Body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        form["To"].ShouldBe(EndToEndLab.SmsTo);
        form["Body"].ShouldStartWith("CRITICAL lb1: backend app has no server available");
        form["Body"].Length.ShouldBeLessThanOrEqualTo(160);
    }

    /// <param name="onlyServer">web1 is the backend's only server: each DOWN also logs "backend app has no server available".</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_ServerFlapping100TimesInAMinute_AtMostThreeNotifications(bool onlyServer)
    {
        string[] servers = onlyServer ? ["web1"] : ["web1", "web2"];
        await using var lab = await EndToEndLab.StartAsync(new Dictionary<string, string[]> { ["app"] = servers }, DeliverySettings.Noc);
        var web1 = lab.Server("app/web1");

        for (var i = 1; i <= 50; i++)
        {
            web1.Stop();
            await lab.WaitForLogLinesAsync("Server app/web1 is DOWN", i, LogTimeout);
            web1.Start();
            await lab.WaitForLogLinesAsync("Server app/web1 is UP", i, LogTimeout);
        }
        var transitions = lab.LogLines("Server app/web1 is ");
        transitions.Count.ShouldBeGreaterThanOrEqualTo(90);
        (LogTime(transitions[^1]) - LogTime(transitions[0])).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(60), "scenario: the flapping must fit in one minute");
        await lab.WaitForMessagesAsync(1, AlertTimeout);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        lab.Scalar("SELECT COUNT(*) FROM haproxy_event WHERE server = 'web1'").ShouldBe(transitions.Count);
        var messages = lab.Smtp.Messages();
        (messages.Count + lab.Sms.Requests.Count).ShouldBeLessThanOrEqualTo(3, lab.Describe());
        messages.Count(m => m.Subject.StartsWith("[WARNING] app/web1 is flapping", StringComparison.Ordinal)).ShouldBe(1, lab.Describe());
        messages.ShouldAllBe(m => m.Subject.Contains("app/web1") || m.Subject.Contains("backend app"));
        lab.LogLines("backend app has no server available").Count.ShouldBe(onlyServer ? 50 : 0);
        if (!onlyServer)
        {
            lab.Sms.Requests.ShouldBeEmpty(); // web2 stays up: nothing critical
        }
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(messages.Count);
        output.WriteLine($"{transitions.Count} transitions logged; notifications: {string.Join(" | ", messages.Select(m => m.Subject))}; SMS {lab.Sms.Requests.Count}");
    }

    /// <summary>The RFC 3164 timestamp of a line as the sink wrote it: <c>&lt;129&gt;Nov 21 21:38:33 haproxy[..]: ...</c>.</summary>
    private static DateTime LogTime(string line)
        => DateTime.ParseExact(line[(line.IndexOf('>') + 1)..][..15], ["MMM d HH:mm:ss", "MMM  d HH:mm:ss", "MMM dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite);
}
