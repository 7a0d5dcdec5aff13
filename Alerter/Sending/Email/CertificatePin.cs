using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Alerter.Sending.Email;

/// <summary>
/// The server-certificate rule of one SMTP client, pure: accept what the system trusts, plus exactly the pinned
/// certificates (by SHA-256 or SHA-1 thumbprint), nothing else. Remembers a rejection so the failure can be named
/// "untrusted certificate" rather than guessed from an exception message.
/// </summary>
public sealed class CertificatePin
{
    private readonly HashSet<string> _sha256;
    private readonly HashSet<string> _sha1;

    public CertificatePin(IEnumerable<string> thumbprints)
    {
        var normalised = thumbprints.Select(Normalise).OfType<string>().ToList();
        _sha256 = normalised.Where(t => t.Length == 64).ToHashSet(StringComparer.Ordinal);
        _sha1 = normalised.Where(t => t.Length == 40).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True once this client refused a certificate.</summary>
    public bool Rejected { get; private set; }

    /// <summary>SHA-256 thumbprint of the certificate the server presented last (for the operator's advice).</summary>
    public string? PresentedSha256 { get; private set; }

    /// <summary>For MailKit's <c>ServerCertificateValidationCallback</c>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is not null)
        {
            PresentedSha256 = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        }
        var accepted = errors == SslPolicyErrors.None || (certificate is not null && IsPinned(certificate));
        Rejected |= !accepted;
        return accepted;
    }

    private bool IsPinned(X509Certificate certificate)
        => _sha256.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA256))
            || _sha1.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA1));

    /// <summary>Upper-case hex without separators, or null when it is not a SHA-256 or SHA-1 thumbprint.</summary>
    public static string? Normalise(string thumbprint)
    {
        var hex = new string(thumbprint.Where(c => c is not (':' or ' ' or '-')).ToArray()).ToUpperInvariant();
        return hex.Length is 64 or 40 && hex.All(Uri.IsHexDigit) ? hex : null;
    }

    /// <summary>The SHA-256 thumbprint of a PEM certificate file (<see cref="SmtpOptions.TrustedCertificateFile"/>).</summary>
    public static string ThumbprintOfPem(string pemFile)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }
}
