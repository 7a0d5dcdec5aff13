using System.Diagnostics;

namespace Alerter.Tests.Integration.Sending;

/// <summary>A self-signed certificate for 127.0.0.1 (SAN IP and localhost), made with openssl in a temp directory.</summary>
public sealed class TestCertificate
{
    private TestCertificate(string certificatePath, string keyPath)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public static TestCertificate Create(string directory)
    {
        var cert = Path.Combine(directory, "cert.pem");
        var key = Path.Combine(directory, "key.pem");
        var info = new ProcessStartInfo("openssl", $"req -x509 -newkey rsa:2048 -nodes -keyout {key} -out {cert} -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1,DNS:localhost")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(cert))
        {
            throw new InvalidOperationException("openssl could not make a test certificate");
        }
        return new TestCertificate(cert, key);
    }
}
