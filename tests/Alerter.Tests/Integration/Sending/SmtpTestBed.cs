using TestSupport;

namespace Alerter.Tests.Integration.Sending;

/// <summary>
/// What every delivery test starts with: a temp directory, a self-signed certificate in it, and aiosmtpd on a
/// loopback port with STARTTLS and AUTH LOGIN as <see cref="DeliverySettings.User"/>. Disposing stops the server
/// and deletes the directory.
/// </summary>
public sealed class SmtpTestBed : IAsyncDisposable
{
    private SmtpTestBed(TempDirectory directory, TestCertificate certificate, SmtpTestServer smtp)
    {
        Directory = directory;
        Certificate = certificate;
        Smtp = smtp;
    }

    public TempDirectory Directory { get; }

    public TestCertificate Certificate { get; }

    public SmtpTestServer Smtp { get; }

    /// <param name="prefix">Names the temp directory, so a leftover one says which test made it.</param>
    /// <param name="deny">Recipients the server refuses (a glob such as <c>*@elsewhere.example</c>): "relay denied".</param>
    /// <param name="reject">Recipients the server does not know (a glob): "recipient rejected".</param>
    public static async Task<SmtpTestBed> StartAsync(string prefix, string? deny = null, string? reject = null)
    {
        var directory = new TempDirectory(prefix);
        try
        {
            var certificate = TestCertificate.Create(directory.Path);
            var smtp = await SmtpTestServer.StartAsync(directory.Path, certificate, DeliverySettings.User, DeliverySettings.Password, deny, reject);
            return new SmtpTestBed(directory, certificate, smtp);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Delivery settings that reach this server and trust its certificate.</summary>
    public Dictionary<string, string?> Settings() => DeliverySettings.For(Smtp, Certificate);

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        Directory.Dispose();
    }
}
