using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Alerter.Delivery.Email;

/// <summary>
/// Exact-certificate pinning for <see cref="SmtpOptions.TrustedCertificateFile"/>. SmtpClient has no per-client
/// validation callback; the obsolete, process-wide ServicePointManager callback is the only in-process hook it
/// honours. The callback accepts what the system trusts, plus exactly the pinned certificates, nothing else; in the
/// Alerter process SmtpClient is its only user (HttpClient ignores it).
/// </summary>
public static class SmtpCertificateTrust
{
    private static readonly object Gate = new();
    private static readonly HashSet<string> Pinned = [];
    private static bool _installed;

    public static void Pin(string pemFile)
    {
        var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));
        lock (Gate)
        {
            Pinned.Add(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
            if (_installed)
            {
                return;
            }
#pragma warning disable SYSLIB0014 // the only certificate hook SmtpClient has
            ServicePointManager.ServerCertificateValidationCallback = Validate;
#pragma warning restore SYSLIB0014
            _installed = true;
        }
    }

    private static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null)
        {
            return false;
        }
        var hash = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        lock (Gate)
        {
            return Pinned.Contains(hash);
        }
    }
}
