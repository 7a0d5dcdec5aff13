using Alerter.Messages.Email;
using Alerter.Sending;
using Alerter.Sending.Email;
using System.Diagnostics;
using TestSupport;

namespace Alerter.Tests.Integration.Sending;

/// <summary>
/// Each security mode and each failure class produced for real, against aiosmtpd on loopback: STARTTLS + AUTH,
/// implicit TLS on a second port, plain; a wrong password, no STARTTLS offered, relay denied, recipient rejected,
/// a closed port, an untrusted certificate, and pinning by thumbprint.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SmtpFailureTests : IAsyncLifetime
{
    private SmtpTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SmtpTestBed.StartAsync("smf", deny: "*@elsewhere.example", reject: "nobody@example.net");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task<SendResult> SendAsync(Dictionary<string, string?> settings, string to = DeliverySettings.Noc)
    {
        using var harness = new DeliveryHarness(_bed.Directory.Path, settings);
        return await harness.Get<SmtpEmailSender>().SendAsync(to, new MailContent("[TEST] security", "body\n"), "smf-" + Guid.NewGuid().ToString("N"), null, CancellationToken.None);
    }

    [Fact]
    public async Task Send_StartTlsWithAuth_Delivered()
    {
        var result = await SendAsync(_bed.Settings());
        result.ShouldBe(SendResult.Sent);
        _bed.Smtp.Messages().ShouldHaveSingleItem().Subject.ShouldBe("[TEST] security");
    }

    [Fact]
    public async Task Send_SslOnConnectOnImplicitTlsPort_Delivered()
    {
        var settings = _bed.Settings();
        settings["Alerter:Smtp:Port"] = _bed.Smtp.TlsPort!.Value.ToString();
        settings["Alerter:Smtp:Security"] = "SslOnConnect";
        var result = await SendAsync(settings);
        result.ShouldBe(SendResult.Sent);
        _bed.Smtp.Messages().ShouldHaveSingleItem().Subject.ShouldBe("[TEST] security");
    }

    [Fact]
    public async Task Send_PlainToLoopbackServerWithoutTls_Delivered()
    {
        await using var plain = await SmtpTestServer.StartAsync(_bed.Directory.Combine("plain"), certificate: null);
        var result = await SendAsync(DeliverySettings.For(plain, certificate: null, user: null));
        result.ShouldBe(SendResult.Sent);
        plain.Messages().ShouldHaveSingleItem().Subject.ShouldBe("[TEST] security");
    }

    [Fact]
    public async Task Send_WrongPassword_AuthenticationFailed()
    {
        var result = await SendAsync(DeliverySettings.For(_bed.Smtp, _bed.Certificate, password: "wrong"));
        result.Problem.ShouldBe(DeliveryProblem.AuthenticationFailed, result.ToString());
        result.Outcome.ShouldBe(SendOutcome.Transient);
        result.Detail.ShouldNotContain("wrong");
        _bed.Smtp.Messages().ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_StartTlsRequiredButServerOffersNone_TlsRequired()
    {
        await using var plain = await SmtpTestServer.StartAsync(_bed.Directory.Combine("plain"), certificate: null);
        var settings = DeliverySettings.For(plain, certificate: null, user: null);
        settings["Alerter:Smtp:Security"] = "StartTls";
        var result = await SendAsync(settings);
        result.Problem.ShouldBe(DeliveryProblem.TlsRequired, result.ToString());
        result.Detail.ShouldContain("does not offer STARTTLS");
        plain.Messages().ShouldBeEmpty(); // no silent fallback to plaintext
    }

    [Fact]
    public async Task Send_RecipientOutsideRelayPolicy_RelayDeniedPermanent()
    {
        var result = await SendAsync(_bed.Settings(), to: "ops@elsewhere.example");
        result.Problem.ShouldBe(DeliveryProblem.RelayDenied, result.ToString());
        result.Outcome.ShouldBe(SendOutcome.Permanent);
        result.Detail.ShouldContain("550 5.7.1");
    }

    [Fact]
    public async Task Send_UnknownMailbox_RecipientRejectedPermanent()
    {
        var result = await SendAsync(_bed.Settings(), to: "nobody@example.net");
        result.Problem.ShouldBe(DeliveryProblem.RecipientRejected, result.ToString());
        result.Outcome.ShouldBe(SendOutcome.Permanent);
        result.Detail.ShouldContain("550 5.1.1");
    }

    [Fact]
    public async Task Send_ClosedPort_Unreachable()
    {
        var settings = _bed.Settings();
        settings["Alerter:Smtp:Port"] = FreePort.Next().ToString();
        var result = await SendAsync(settings);
        result.Problem.ShouldBe(DeliveryProblem.Unreachable, result.ToString());
        result.Detail.ShouldContain("ConnectionRefused");
    }

    [Fact]
    public async Task Send_SelfSignedCertificateNotPinned_UntrustedCertificate()
    {
        var settings = _bed.Settings();
        settings.Remove("Alerter:Smtp:TrustedCertificateFile");
        var result = await SendAsync(settings);
        result.Problem.ShouldBe(DeliveryProblem.UntrustedCertificate, result.ToString());
        _bed.Smtp.Messages().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("sha1")]
    public async Task Send_CertificatePinnedByOpensslFingerprint_Delivered(string digest)
    {
        var settings = _bed.Settings();
        settings.Remove("Alerter:Smtp:TrustedCertificateFile");
        settings["Alerter:Smtp:CertificateThumbprint"] = OpensslFingerprint(_bed.Certificate.CertificatePath, digest);
        var result = await SendAsync(settings);
        result.ShouldBe(SendResult.Sent);
    }

    [Fact]
    public async Task Send_CertificatePinnedToAnotherThumbprint_UntrustedCertificate()
    {
        var settings = _bed.Settings();
        settings.Remove("Alerter:Smtp:TrustedCertificateFile");
        settings["Alerter:Smtp:CertificateThumbprint"] = new string('A', 64);
        var result = await SendAsync(settings);
        result.Problem.ShouldBe(DeliveryProblem.UntrustedCertificate, result.ToString());
    }

    [Fact]
    public async Task Send_SslOnConnectAgainstStartTlsPort_TlsFailed()
    {
        var settings = _bed.Settings();
        settings["Alerter:Smtp:Security"] = "SslOnConnect";
        var result = await SendAsync(settings);
        result.Problem.ShouldBe(DeliveryProblem.TlsFailed, result.ToString());
        result.Detail.ShouldContain("Security=StartTls");
    }

    [Fact]
    public async Task Deliver_OneOfTwoRecipientsDenied_AcceptedOneGetsItOnceDeniedOneMarkedFailed()
    {
        var settings = _bed.Settings();
        settings["Alerter:Policy:Routes:0:Email:1"] = "ops@elsewhere.example";
        using var harness = new DeliveryHarness(_bed.Directory.Path, settings);
        harness.InsertLines(DeliveryHarness.Line(DateTimeOffset.UtcNow.AddSeconds(-5), 129,
            "Server be/srv1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."));
        await harness.DrainAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 3; i++)
        {
            await harness.StepAsync(); // more delivery runs: nothing is sent again
        }

        var mail = _bed.Smtp.Messages().ShouldHaveSingleItem();
        mail.Header("To").ShouldBe(DeliverySettings.Noc);
        using (var connection = harness.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT message_id FROM alert_outbox WHERE recipient = 'noc@example.net'";
            mail.MessageId.ShouldBe($"<{command.ExecuteScalar()}@example.net>"); // derived from the outbox key
        }
        harness.Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status = 'sent' AND recipient = 'noc@example.net' AND attempts = 1").ShouldBe(1);
        harness.Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status = 'failed' AND recipient = 'ops@elsewhere.example' AND attempts = 1 AND last_error LIKE '%RelayDenied%'").ShouldBe(1);
    }

    /// <summary>"sha256 Fingerprint=AB:CD:..." as an operator would copy it.</summary>
    private static string OpensslFingerprint(string certificate, string digest)
    {
        var info = new ProcessStartInfo("openssl", $"x509 -noout -fingerprint -{digest} -in {certificate}") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0);
        return output.Trim().Split('=', 2)[1];
    }
}
