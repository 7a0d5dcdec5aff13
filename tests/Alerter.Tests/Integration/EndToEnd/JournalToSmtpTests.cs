using Alerter.Tests.Integration.Sending;
using System.Net;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// The whole chain with the journal as the Alerter's only source: a real HAProxy 2.6 logging to a stand-in for
/// journald's syslog socket (each datagram split as journald does and written live into a journal file by
/// systemd-journal-remote), <c>alerter run</c> following it with the real journalctl, aiosmtpd and the SMS listener.
/// The same numbers of mails and SMS as the file-sourced <see cref="HAProxyToSmtpTests"/>: one DOWN and one UP mail
/// for a server stopped and started, one grouped critical mail and one SMS for an emptied backend.
/// </summary>
[Trait("Category", "Integration")]
public class JournalToSmtpTests
{
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_JournalOnly_ServerDownUpThenBackendEmptied_SameMailsAndSmsAsFromTheFile()
    {
        await using var lab = await EndToEndLab.StartAsync(new Dictionary<string, string[]> { ["app"] = ["web1", "web2"] },
            new EndToEndLabOptions { Pipeline = LabLogPipelines.Journal }, DeliverySettings.Noc);
        var journal = ((JournalLogPipeline)lab.Pipeline).Directory;

        lab.Server("app/web1").Stop();
        await lab.WaitForLogLinesAsync("Server app/web1 is DOWN", 1, LogTimeout);
        await lab.WaitForMessagesAsync(1, AlertTimeout);
        lab.Server("app/web1").Start();
        await lab.WaitForLogLinesAsync("Server app/web1 is UP", 1, LogTimeout);
        await lab.WaitForMessagesAsync(2, AlertTimeout);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        var messages = lab.Smtp.Messages();
        messages.Select(m => m.Subject).ShouldBe(
            ["[WARNING] app/web1 is DOWN (Layer4 connection problem) on lb1", "[RECOVERY] app/web1 is UP (Layer4 check passed) on lb1"], lab.Describe());
        lab.Sms.Requests.ShouldBeEmpty();

        lab.Server("app/web1").Stop();
        lab.Server("app/web2").Stop();
        await lab.WaitForLogLinesAsync("backend app has no server available", 1, LogTimeout);
        await lab.WaitForMessagesAsync(3, AlertTimeout);
        await lab.WaitForSmsAsync(1, AlertTimeout);
        await lab.WaitUntilQuietAsync(AlertTimeout);

        messages = lab.Smtp.Messages();
        messages.Count.ShouldBe(3, lab.Describe());
        messages[2].Subject.ShouldBe("[CRITICAL] backend app has no server available (2 servers DOWN) on lb1");
        var sms = lab.Sms.Requests.ShouldHaveSingleItem(lab.Describe());
        var form = sms.Body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        form["Body"].ShouldStartWith("CRITICAL lb1: backend app has no server available");
        // Every stored event came from the journal, each transition once.
        lab.Scalar("SELECT count(*) FROM haproxy_event WHERE source = 'journal:" + journal + "'").ShouldBe(5);
        lab.Scalar("SELECT count(*) FROM haproxy_event").ShouldBe(5);
        lab.LogLines(" is DOWN").Count.ShouldBe(3);
        lab.LogLines(" is UP").Count.ShouldBe(1);
    }
}
