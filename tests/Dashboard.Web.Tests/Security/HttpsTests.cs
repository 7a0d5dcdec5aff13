using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// Issue 18 item 4: an https URL or a Kestrel certificate setting crashed with "Call UseKestrelHttpsConfiguration()"
/// and a stack trace. The real <c>dashboard web</c> process with a certificate this test makes, and a real TLS request.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HttpsTests : IDisposable
{
    private readonly TempDirectory _directory = new("web-https");
    private readonly TestStore _store;
    private readonly X509Certificate2 _certificate;

    public HttpsTests()
    {
        _store = new TestStore(_directory.Path);
        _store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(10));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=dashboard-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(CertificatePem, _certificate.ExportCertificatePem());
        File.WriteAllText(KeyPem, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(Pfx, _certificate.Export(X509ContentType.Pkcs12, "pfx-pass"));
    }

    private string CertificatePem => _directory.Combine("cert.pem");

    private string KeyPem => _directory.Combine("key.pem");

    private string Pfx => _directory.Combine("cert.pfx");

    public void Dispose()
    {
        _certificate.Dispose();
        _directory.Dispose();
    }

    private DotnetProcess Start(params string[] arguments) =>
        DotnetProcess.Start(Paths.Dashboard, ["web", "--db", _store.CollectorDatabase, .. arguments], _directory.Path);

    private HttpClient TrustingOnlyOurCertificate() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == _certificate.Thumbprint,
    }) { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task HttpsUrl_WithPemCertificateAndKey_ServesTls()
    {
        var port = FreePort.Next();
        await using var web = Start("--urls", $"https://127.0.0.1:{port}",
            $"--Kestrel:Certificates:Default:Path={CertificatePem}", $"--Kestrel:Certificates:Default:KeyPath={KeyPem}");
        await web.WaitForLineAsync(l => l.Contains($"listening on https://127.0.0.1:{port}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        using var client = TrustingOnlyOurCertificate();
        using var response = await client.GetAsync($"https://127.0.0.1:{port}/api/overview");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        web.Output.ShouldNotContain("UseKestrelHttpsConfiguration");
    }

    [Fact]
    public async Task KestrelEndpoint_WithPfxCertificate_ServesTls()
    {
        var port = FreePort.Next();
        await using var web = Start($"--Kestrel:Endpoints:tls:Url=https://127.0.0.1:{port}",
            $"--Kestrel:Endpoints:tls:Certificate:Path={Pfx}", "--Kestrel:Endpoints:tls:Certificate:Password=pfx-pass");
        await web.WaitForLineAsync(l => l.Contains($"listening on https://127.0.0.1:{port}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        using var client = TrustingOnlyOurCertificate();
        using var response = await client.GetAsync($"https://127.0.0.1:{port}/api/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The password was on the command line: said, never echoed.
        web.Output.ShouldContain("Warning: Kestrel:Endpoints:tls:Certificate:Password is given on the command line");
        web.Output.ShouldNotContain("pfx-pass");
    }

    [Theory]
    [InlineData("no-certificate", "is https but no certificate is configured")]
    [InlineData("missing-file", "does not exist")]
    [InlineData("pem-without-key", "set Kestrel:Certificates:Default:KeyPath")]
    [InlineData("wrong-password", "cannot be loaded as a certificate")]
    public async Task HttpsUrl_WithABadCertificateSetting_IsOneConfigurationErrorAndExit2(string setting, string says)
    {
        var port = FreePort.Next();
        string[] certificate = setting switch
        {
            "missing-file" => [$"--Kestrel:Certificates:Default:Path={_directory.Combine("nosuch.pfx")}"],
            "pem-without-key" => [$"--Kestrel:Certificates:Default:Path={CertificatePem}"],
            "wrong-password" => [$"--Kestrel:Certificates:Default:Path={Pfx}", "--Kestrel:Certificates:Default:Password=wrong"],
            _ => [],
        };
        await using var web = Start(["--urls", $"https://127.0.0.1:{port}", .. certificate]);
        (await web.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, web.Output);
        var errors = web.Lines.Where(l => l.StartsWith("Configuration error: ", StringComparison.Ordinal)).ToList();
        errors.Count.ShouldBe(1, web.Output);
        errors[0].ShouldContain(says);
        web.Output.ShouldNotContain("   at ");
    }
}
