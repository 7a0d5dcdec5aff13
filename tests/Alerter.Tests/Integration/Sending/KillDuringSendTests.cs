using Alerter.Tests.Support;
using TestSupport;

namespace Alerter.Tests.Integration.Sending;

/// <summary>
/// <c>alerter run</c> killed with SIGKILL while the SMTP server holds its DATA (the message is on the wire, the
/// server has not accepted it), then restarted: every alert arrives once, in order.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KillDuringSendTests : IAsyncLifetime
{
    private SmtpTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SmtpTestBed.StartAsync("kil");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Run_KilledInTheMiddleOfASendThenRestarted_NoAlertLostNoneDuplicated()
    {
        var data = _bed.Directory.Combine("data");
        var log = _bed.Directory.Combine("haproxy.log");
        await File.WriteAllTextAsync(log, "");
        var settings = _bed.Settings();
        settings.Remove("Alerter:Smtp:TrustedCertificateFile"); // the child trusts the certificate through SSL_CERT_FILE
        using (var harness = new DeliveryHarness(data, settings))
        {
            var t = DateTimeOffset.UtcNow.AddMinutes(-1);
            for (var i = 1; i <= 5; i++)
            {
                harness.InsertLines(DeliveryHarness.Line(t.AddSeconds(5 * i), 129,
                    $"Server be/srv{i} is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. {9 - i} active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."));
            }
        }
        var config = _bed.Directory.Combine("alerter.json");
        settings["Store:DataDirectory"] = data;
        settings["Alerter:Logs:Sources:0:Path"] = log;
        settings["Alerter:Logs:Sources:0:Host"] = DeliveryHarness.Host;
        await File.WriteAllTextAsync(config, ConfigJson.Nest(settings));
        await File.WriteAllTextAsync(_bed.Smtp.HoldFile, "");

        using (var first = AlerterProcess.Run(_bed.Directory.Path, config, _bed.Certificate.CertificatePath))
        {
            await Poll.UntilAsync(() => File.Exists(_bed.Smtp.HoldFile + ".waiting"), TimeSpan.FromSeconds(60), () => "no send reached DATA:\n" + first.Output);
            first.Kill();
        }
        File.Delete(_bed.Smtp.HoldFile);
        await Task.Delay(300); // let the parked DATA notice its client is gone
        _bed.Smtp.Messages().ShouldBeEmpty(); // the server never accepted the cut-off message

        using var second = AlerterProcess.Run(_bed.Directory.Path, config, _bed.Certificate.CertificatePath);
        var messages = await _bed.Smtp.WaitForMessagesAsync(5, TimeSpan.FromSeconds(60));
        using (var harness = new DeliveryHarness(data, settings))
        {
            await Poll.UntilAsync(() => harness.Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status = 'sent'") == 5, TimeSpan.FromSeconds(30), () => second.Output);
            harness.Scalar("SELECT COUNT(*) FROM alert_outbox").ShouldBe(5);
        }
        second.Kill();
        messages = _bed.Smtp.Messages();
        messages.Select(m => m.Subject).ShouldBe(Enumerable.Range(1, 5).Select(i => $"[WARNING] be/srv{i} is DOWN (Layer4 connection problem) on lb1"), second.Output);
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(5);
        second.Output.ShouldContain("possible duplicate"); // the cut-off row was known to be in flight
    }
}
