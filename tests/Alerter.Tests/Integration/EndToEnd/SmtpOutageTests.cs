using Alerter.Tests.Integration.Sending;
using System.Diagnostics;
using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// The SMTP server down for 2 minutes while real transitions happen behind a real HAProxy: nothing is lost, and
/// after it returns every alert arrives once, in event order per recipient. Takes about 2.5 minutes (its own class,
/// so it runs beside the other end-to-end tests).
/// </summary>
[Trait("Category", "Integration")]
public sealed class SmtpOutageTests
{
    private const string Oncall = "oncall@example.net";
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_SmtpServerDownForTwoMinutesDuringTransitions_EveryAlertDeliveredAfterInOrderNoneTwice()
    {
        await using var lab = await EndToEndLab.StartAsync(
            new Dictionary<string, string[]> { ["app"] = ["web1", "web2", "web3", "web4"] }, DeliverySettings.Noc, Oncall);
        await lab.Smtp.StopAsync();
        var outage = Stopwatch.StartNew();

        // Several servers down and up, each transition at least 2 s of log time after the previous one, so each is
        // its own alert (grouping joins transitions within 1 s); web4 stays up, so none is critical (no SMS).
        (string Server, bool Down)[] steps = [("web1", true), ("web2", true), ("web1", false), ("web3", true), ("web2", false), ("web3", false)];
        var expected = new List<string>();
        var seen = new Dictionary<string, int>();
        foreach (var (server, down) in steps)
        {
            var verb = down ? "DOWN" : "UP";
            if (down)
            {
                lab.Server("app/" + server).Stop();
            }
            else
            {
                lab.Server("app/" + server).Start();
            }
            var text = $"Server app/{server} is {verb}";
            seen[text] = seen.GetValueOrDefault(text) + 1;
            await lab.WaitForLogLinesAsync(text, seen[text], TimeSpan.FromSeconds(10));
            expected.Add(down
                ? $"[WARNING] app/{server} is DOWN (Layer4 connection problem) on lb1"
                : $"[RECOVERY] app/{server} is UP (Layer4 check passed) on lb1");
            await Task.Delay(TimeSpan.FromSeconds(2.5));
        }
        lab.LogLines("Server app/").Select(l => l[(l.IndexOf("Server app/", StringComparison.Ordinal) + 11)..].Split(',')[0])
            .ShouldBe(steps.Select(s => $"{s.Server} is {(s.Down ? "DOWN" : "UP")}")); // HAProxy logged them in this order

        // Every alert is in the outbox, retried, and none reached the (absent) server.
        await Poll.UntilAsync(() => lab.Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status = 'pending'") == 2 * steps.Length
            && lab.Scalar("SELECT MIN(attempts) FROM alert_outbox WHERE id IN (SELECT MIN(id) FROM alert_outbox GROUP BY recipient)") >= 2,
            Outage - outage.Elapsed, lab.Describe);
        lab.Scalar("SELECT COUNT(*) FROM alert_outbox").ShouldBe(2 * steps.Length);
        outage.Elapsed.ShouldBeLessThan(Outage, "scenario: the transitions must happen during the outage");
        await Task.Delay(Outage - outage.Elapsed);
        lab.Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status = 'sent'").ShouldBe(0);
        lab.Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status = 'failed'").ShouldBe(0);
        lab.Smtp.Messages().ShouldBeEmpty();

        await lab.Smtp.StartAgainAsync();
        await lab.WaitForMessagesAsync(2 * steps.Length, TimeSpan.FromSeconds(90));
        await lab.WaitUntilQuietAsync(TimeSpan.FromSeconds(60));

        var messages = lab.Smtp.Messages();
        messages.Count.ShouldBe(2 * steps.Length, lab.Describe());
        foreach (var recipient in new[] { DeliverySettings.Noc, Oncall })
        {
            messages.Where(m => m.Header("To") == recipient).Select(m => m.Subject).ShouldBe(expected, lab.Describe());
        }
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(messages.Count);
        lab.Sms.Requests.ShouldBeEmpty();
    }
}
