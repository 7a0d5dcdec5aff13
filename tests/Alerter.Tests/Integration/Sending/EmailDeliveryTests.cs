using Alerter.Logs;
using Alerter.Sending.Outbox;
using Storage.Events;
using System.Net;
using System.Text;
using HAProxy.Logs;
using TestSupport;

namespace Alerter.Tests.Integration.Sending;

/// <summary>Alerts from haproxy_event rows to a real SMTP server (aiosmtpd, STARTTLS + AUTH LOGIN) and an HTTP SMS listener.</summary>
[Trait("Category", "Integration")]
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private const string Down3 = "Server be/srv3 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private const string Up3 = "Server be/srv3 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 3 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";

    private SmtpTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SmtpTestBed.StartAsync("dlv");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Deliver_ServerDownThenUp_OneAlertEmailThenOneRecoveryEmail()
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, _bed.Settings());
        var t = DateTimeOffset.UtcNow.AddSeconds(-5);
        var downLine = DeliveryHarness.Line(t, 129, Down3);
        harness.InsertLines(downLine).ShouldBe(1);
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var down = _bed.Smtp.Messages().ShouldHaveSingleItem();
        down.Subject.ShouldBe("[WARNING] be/srv3 is DOWN (Layer4 connection problem) on lb1");
        down.Header("To").ShouldBe(DeliverySettings.Noc);
        down.Body.ShouldContain("Layer4 connection problem");
        down.Body.ShouldContain("\"Connection refused\"");
        down.Body.ShouldContain("2 active and 0 backup servers");
        down.Body.ShouldContain(downLine);

        harness.InsertLines(downLine).ShouldBe(0); // the same line read again (e.g. from the ring) is the same event
        harness.InsertLines(DeliveryHarness.Line(t.AddSeconds(3), 133, Up3));
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var messages = _bed.Smtp.Messages();
        messages.Count.ShouldBe(2);
        messages[1].Subject.ShouldBe("[RECOVERY] be/srv3 is UP (Layer7 check passed) on lb1");
        messages[1].Body.ShouldContain("Recent transitions of be/srv3:");
        messages[1].Body.ShouldContain("is DOWN (Layer4 connection problem)");
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Deliver_AllServersOfBackendDown_OneGroupedEmailAndOneCriticalSms()
    {
        using var sms = new SmsGatewayStub();
        var settings = _bed.Settings();
        settings["Alerter:Sms:Url"] = sms.Url;
        settings["Alerter:Sms:Auth"] = "Basic";
        settings["Alerter:Sms:UserName"] = "AC123";
        settings["Alerter:Sms:Password"] = "twilio-token";
        settings["Alerter:Sms:From"] = "+15550000";
        settings["Alerter:Policy:Routes:0:Sms:0"] = "+15551234";
        using var harness = new DeliveryHarness(_bed.Directory.Path, settings);
        var t = DateTimeOffset.UtcNow.AddSeconds(-4);
        harness.InsertLines(
            DeliveryHarness.Line(t, 129, "Server app/srv1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."),
            DeliveryHarness.Line(t.AddMilliseconds(150), 129, "Server app/srv2 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."),
            DeliveryHarness.Line(t.AddMilliseconds(300), 129, "Server app/srv3 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."),
            DeliveryHarness.Line(t.AddMilliseconds(300), 128, "backend app has no server available!"));
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var mail = _bed.Smtp.Messages().ShouldHaveSingleItem();
        mail.Subject.ShouldBe("[CRITICAL] backend app has no server available (3 servers DOWN) on lb1");
        foreach (var server in new[] { "app/srv1", "app/srv2", "app/srv3" })
        {
            mail.Body.ShouldContain(server + " is DOWN");
        }
        var request = sms.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/2010-04-01/Accounts/AC123/Messages.json");
        request.Authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:twilio-token")));
        request.ContentType.ShouldStartWith("application/x-www-form-urlencoded");
        var form = request.Body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        form["To"].ShouldBe("+15551234");
        form["From"].ShouldBe("+15550000");
        form["Body"].ShouldStartWith("CRITICAL lb1: backend app has no server available");
        form["Body"].Length.ShouldBeLessThanOrEqualTo(160);
    }

    [Fact]
    public async Task Deliver_ServerFlapping100TimesInAMinute_AtMostThreeNotifications()
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, _bed.Settings());
        var t = DateTimeOffset.UtcNow.AddSeconds(-61);
        var lines = Enumerable.Range(0, 100).Select(i => i % 2 == 0
            ? DeliveryHarness.Line(t.AddMilliseconds(600 * i), 129, Down3)
            : DeliveryHarness.Line(t.AddMilliseconds(600 * i), 133, Up3)).ToArray();
        harness.InsertLines(lines).ShouldBe(100);
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var messages = _bed.Smtp.Messages();
        messages.Count.ShouldBeInRange(1, 3);
        messages.Count(m => m.Subject.Contains("be/srv3 is flapping", StringComparison.Ordinal)).ShouldBe(1);
        harness.Scalar("SELECT COUNT(*) FROM haproxy_event WHERE dispatched = 1").ShouldBe(100);
    }

    [Fact]
    public async Task Deliver_SmtpServerDownForTwentySeconds_AllDeliveredAfterInOrderNoneTwice()
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, _bed.Settings());
        await _bed.Smtp.StopAsync();
        var t = DateTimeOffset.UtcNow.AddSeconds(-30);
        for (var i = 1; i <= 5; i++)
        {
            harness.InsertLines(DeliveryHarness.Line(t.AddSeconds(3 * i), 129,
                $"Server be/srv{i} is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. {5 - i} active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."));
        }
        var outage = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < outage)
        {
            await harness.StepAsync();
            await Task.Delay(200);
        }
        harness.Get<IOutboxStatus>().Read().Pending.ShouldBe(5);
        harness.Scalar("SELECT MAX(attempts) FROM alert_outbox").ShouldBeGreaterThan(2); // retried with backoff
        harness.Scalar("SELECT SUM(attempts) FROM alert_outbox WHERE id > (SELECT MIN(id) FROM alert_outbox)").ShouldBe(0); // later rows wait behind the head
        _bed.Smtp.Messages().ShouldBeEmpty();

        await _bed.Smtp.StartAgainAsync();
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var messages = _bed.Smtp.Messages();
        messages.Select(m => m.Subject).ShouldBe(Enumerable.Range(1, 5).Select(i => $"[{(i == 5 ? "CRITICAL" : "WARNING")}] be/srv{i} is DOWN (Layer4 connection problem) on lb1"));
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task Deliver_HostileProxyAndServerNames_NoHeaderInjection()
    {
        var settings = _bed.Settings();
        settings["Alerter:Smtp:FromName"] = "Alerter\" <evil@example.org>\r\nBcc: evil2@example.org";
        settings["Alerter:Policy:Routes:0:Proxy"] = "*";
        using var harness = new DeliveryHarness(_bed.Directory.Path, settings);
        var hostile = new LogEvent
        {
            Kind = LogEventKind.ServerDown,
            Proxy = "app\"\r\nBcc: evil@example.org\r\n",
            Server = "sérvéur\u2028X-Injected: yes\\\"\n\nbody",
            Reason = "Layer4 connection problem\r\nX-Reason: injected",
            ActiveLeft = 0,
            BackupLeft = 0,
            Timestamp = DateTimeOffset.UtcNow.AddSeconds(-5),
            Message = "Server app/x is DOWN",
        };
        harness.InsertRows([new EventRow("hostile-1", DeliveryHarness.Host, hostile, DateTimeOffset.UtcNow, "hostile line", "test")]);
        await harness.DrainAsync(TimeSpan.FromSeconds(30));

        var mail = _bed.Smtp.Messages().ShouldHaveSingleItem();
        mail.Raw.ShouldAllBe(b => b < 128); // SevenBit: every non-ASCII character encoded
        mail.Count("Bcc").ShouldBe(0);
        mail.Count("X-Injected").ShouldBe(0);
        mail.Count("X-Reason").ShouldBe(0);
        mail.Count("To").ShouldBe(1);
        mail.Header("To").ShouldBe(DeliverySettings.Noc);
        mail.Count("From").ShouldBe(1);
        var from = mail.Header("From")!;
        from.ShouldEndWith("<alerter@example.net>");
        System.Text.RegularExpressions.Regex.Replace(from, "\"[^\"]*\"", "").Trim().ShouldBe("<alerter@example.net>", from); // the crafted name stays one quoted display name
        mail.Subject.ShouldContain("sérvéur");
        mail.Subject.ShouldStartWith("[CRITICAL] app");
        mail.Subject.ShouldNotContain("\n");
        mail.Body.ShouldContain("sérvéur");
    }
}
