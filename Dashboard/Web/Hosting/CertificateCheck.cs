using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Loads an https endpoint's certificate as Kestrel will (a PKCS#12 <c>Path</c> with <c>Password</c>, or a PEM
/// <c>Path</c> with <c>KeyPath</c>), so a missing file, a wrong password or a certificate without its key is one
/// sentence at start instead of Kestrel's stack trace. A store certificate (<c>Subject</c>) is left to Kestrel.
/// </summary>
public static class CertificateCheck
{
    public static string? Problem(IConfiguration configuration, string section)
    {
        var settings = configuration.GetSection(section);
        var path = settings["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        var keyPath = settings["KeyPath"];
        foreach (var (name, file) in new[] { ("Path", path), ("KeyPath", keyPath) })
        {
            if (!string.IsNullOrWhiteSpace(file) && !File.Exists(file))
            {
                return $"{section}:{name} '{file}' does not exist.";
            }
        }
        if (string.IsNullOrWhiteSpace(keyPath) && LooksLikePem(path))
        {
            // Kestrel reads a file without KeyPath as PKCS#12 and would serve no key.
            return $"{section}:Path '{path}' is a PEM certificate: set {section}:KeyPath to its key file (it may be the same file).";
        }
        try
        {
            var password = settings["Password"];
            using var certificate = string.IsNullOrWhiteSpace(keyPath) ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
                : string.IsNullOrEmpty(password) ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            if (!certificate.HasPrivateKey)
            {
                return $"{section}:Path '{path}' holds a certificate without its private key: give the key as {section}:KeyPath (PEM) or use a .pfx with the key.";
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The message is the runtime's ("The certificate contents do not contain a PEM...", "The specified
            // network password is not correct."): never the password itself.
            return $"{section}:Path '{path}' cannot be loaded as a certificate{(string.IsNullOrWhiteSpace(keyPath) ? "" : " with its key " + keyPath)}: {ex.Message.TrimEnd('.')}.";
        }
        return null;
    }

    private static bool LooksLikePem(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[4096];
        var read = reader.Read(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("-----BEGIN ", StringComparison.Ordinal);
    }
}
