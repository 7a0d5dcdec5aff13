using Alerter.Tests.Support;
using System.Text.Json;
using TestSupport;

namespace Alerter.Tests.Integration.Delivery;

/// <summary>
/// <c>alerter run</c> killed with SIGKILL while the SMTP server holds its DATA (the message is on the wire, the
/// server has not accepted it), then restarted: every alert arrives once, in order.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KillDuringSendTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("kil");
    private TestCertificate _certificate = null!;
    private SmtpTestServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _certificate = TestCertificate.Create(_dir.Path);
        _smtp = await SmtpTestServer.StartAsync(_dir.Path, _certificate, DeliverySettings.User, DeliverySettings.Password);
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Run_KilledInTheMiddleOfASendThenRestarted_NoAlertLostNoneDuplicated()
    {
        var data = _dir.Combine("data");
        var log = _dir.Combine("haproxy.log");
        await File.WriteAllTextAsync(log, "");
        var settings = DeliverySettings.For(_smtp, _certificate);
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
        var config = _dir.Combine("alerter.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(Nest(settings, data, log)));
        await File.WriteAllTextAsync(_smtp.HoldFile, "");

        using (var first = AlerterProcess.Run(_dir.Path, config, _certificate.CertificatePath))
        {
            await WaitAsync(() => File.Exists(_smtp.HoldFile + ".waiting"), TimeSpan.FromSeconds(60), () => "no send reached DATA:\n" + first.Output);
            first.Kill();
        }
        File.Delete(_smtp.HoldFile);
        await Task.Delay(300); // let the parked DATA notice its client is gone
        _smtp.Messages().ShouldBeEmpty(); // the server never accepted the cut-off message

        using var second = AlerterProcess.Run(_dir.Path, config, _certificate.CertificatePath);
        var messages = await _smtp.WaitForMessagesAsync(5, TimeSpan.FromSeconds(60));
        using (var harness = new DeliveryHarness(data, settings))
        {
            await WaitAsync(() => harness.Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status = 'sent'") == 5, TimeSpan.FromSeconds(30), () => second.Output);
            harness.Scalar("SELECT COUNT(*) FROM alert_outbox").ShouldBe(5);
        }
        second.Kill();
        messages = _smtp.Messages();
        messages.Select(m => m.Subject).ShouldBe(Enumerable.Range(1, 5).Select(i => $"[WARNING] be/srv{i} is DOWN (Layer4 connection problem) on lb1"), second.Output);
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(5);
        second.Output.ShouldContain("possible duplicate"); // the cut-off row was known to be in flight
    }

    private static Dictionary<string, object?> Nest(Dictionary<string, string?> flat, string data, string log)
    {
        var all = new Dictionary<string, string?>(flat)
        {
            ["Store:DataDirectory"] = data,
            ["Alerter:Logs:Sources:0:Path"] = log,
            ["Alerter:Logs:Sources:0:Host"] = DeliveryHarness.Host,
        };
        var root = new Dictionary<string, object?>();
        foreach (var (key, value) in all.Where(kv => kv.Value is not null))
        {
            var parts = key.Split(':');
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!node.TryGetValue(parts[i], out var child) || child is not Dictionary<string, object?> next)
                {
                    next = [];
                    node[parts[i]] = next;
                }
                node = next;
            }
            node[parts[^1]] = value;
        }
        return root;
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(describe());
            }
            await Task.Delay(100);
        }
    }
}
