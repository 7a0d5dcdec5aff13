using Alerter.Commands;
using Alerter.Sending.TestEmail;
using TestSupport;

namespace Alerter.Tests.Integration.Sending;

/// <summary><c>alerter test-email</c> against a real SMTP server: it sends, or names the problem plainly.</summary>
[Trait("Category", "Integration")]
public sealed class TestEmailCommandTests : IAsyncLifetime
{
    private SmtpTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SmtpTestBed.StartAsync("tem", deny: "*@elsewhere.example");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task<(int Exit, string Output)> RunAsync(Dictionary<string, string?> settings, string? to = null)
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, settings);
        var output = new StringWriter();
        var exit = await harness.Get<ITestEmailCommand>().RunAsync(to, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task RunAsync_GoodConfiguration_SendsTestMessageToRouteRecipient()
    {
        var (exit, output) = await RunAsync(_bed.Settings());
        exit.ShouldBe(0, output);
        output.ShouldContain("OK");
        var message = _bed.Smtp.Messages().ShouldHaveSingleItem();
        message.Header("To").ShouldBe(DeliverySettings.Noc);
        message.Subject.ShouldStartWith("[TEST] HAProxy Alerter test message");
    }

    [Fact]
    public async Task RunAsync_WrongPassword_SaysAuthenticationFailed()
    {
        var (exit, output) = await RunAsync(DeliverySettings.For(_bed.Smtp, _bed.Certificate, password: "wrong"));
        exit.ShouldBe(1);
        output.ShouldContain("authentication failed");
        output.ShouldNotContain("wrong"); // the password is never printed
        _bed.Smtp.Messages().ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_StartTlsOffAgainstServerRequiringIt_SaysTlsRequired()
    {
        var (exit, output) = await RunAsync(DeliverySettings.For(_bed.Smtp, certificate: null, user: null));
        exit.ShouldBe(1);
        output.ShouldContain("TLS required", customMessage: output);
    }

    [Fact]
    public async Task RunAsync_NoServerOnPort_SaysUnreachable()
    {
        var settings = _bed.Settings();
        settings["Alerter:Smtp:Port"] = FreePort.Next().ToString();
        var (exit, output) = await RunAsync(settings);
        exit.ShouldBe(1);
        output.ShouldContain("unreachable");
    }

    [Fact]
    public async Task RunAsync_RecipientRefused_SaysRelayDenied()
    {
        var (exit, output) = await RunAsync(_bed.Settings(), to: "ops@elsewhere.example");
        exit.ShouldBe(1);
        output.ShouldContain("relay denied");
        output.ShouldContain("ops@elsewhere.example");
    }

    [Fact]
    public async Task RunAsync_Port465WithStartTls_RefusedWithAdvice()
    {
        var settings = _bed.Settings();
        settings["Alerter:Smtp:Port"] = "465";
        var (exit, output) = await RunAsync(settings);
        exit.ShouldBe(2);
        output.ShouldContain("Set Alerter:Smtp:Security=SslOnConnect");
    }

    [Theory]
    [InlineData("StartTlsWhenAvailable")]
    [InlineData("Auto")]
    public async Task RunAsync_SecurityThatFallsBackToPlaintext_RefusedWithAdvice(string security)
    {
        var settings = _bed.Settings();
        settings["Alerter:Smtp:Security"] = security;
        var (exit, output) = await RunAsync(settings);
        exit.ShouldBe(2);
        output.ShouldContain($"Security {security} is refused");
        output.ShouldContain("Use StartTls (port 587) or SslOnConnect (port 465)");
        _bed.Smtp.Messages().ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_PlaintextToRemoteHost_RefusedUnlessOptedIn()
    {
        var settings = DeliverySettings.For(_bed.Smtp, certificate: null, user: null);
        settings["Alerter:Smtp:Host"] = "smtp.example.net";
        var (exit, output) = await RunAsync(settings);
        exit.ShouldBe(2);
        output.ShouldContain("AllowPlaintextToRemoteHost");
    }

    [Fact]
    public async Task RunAsync_Verbose_PrintsTranscriptWithAuthRedacted()
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, _bed.Settings());
        var output = new StringWriter();
        var exit = await harness.Get<ITestEmailCommand>().RunAsync(null, output, CancellationToken.None, verbose: true);
        var text = output.ToString();
        exit.ShouldBe(0, text);
        text.ShouldContain("--- SMTP transcript ---");
        text.ShouldContain("C: EHLO");
        text.ShouldContain("C: STARTTLS");
        text.ShouldContain("C: AUTH");
        text.ShouldContain("S: 235"); // authentication succeeded
        text.ShouldContain("C: RCPT TO:<" + DeliverySettings.Noc + ">");
        text.ShouldContain("********");
        foreach (var secret in Secrets(DeliverySettings.User, DeliverySettings.Password))
        {
            text.ShouldNotContain(secret);
        }
    }

    /// <summary>The password and every form AUTH PLAIN / LOGIN would carry it in.</summary>
    private static IEnumerable<string> Secrets(string user, string password)
    {
        yield return password;
        yield return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(password));
        yield return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
        yield return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}\0{user}\0{password}"));
    }
}
