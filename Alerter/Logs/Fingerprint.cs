using System.Security.Cryptography;

namespace Alerter.Logs;

/// <summary>A short hash of a file's first bytes (copytruncate detection): hex of the first 16 bytes of SHA-256.</summary>
public static class Fingerprint
{
    /// <summary>How many leading bytes are fingerprinted at most: 256 (a couple of log lines, timestamps included).</summary>
    public const int MaxBytes = 256;

    public static string Of(ReadOnlySpan<byte> prefix) => Convert.ToHexStringLower(SHA256.HashData(prefix)[..16]);

    /// <summary>Fingerprint of the first <paramref name="length"/> bytes of an open file; null if it is shorter.</summary>
    public static string? Of(Microsoft.Win32.SafeHandles.SafeFileHandle handle, int length)
    {
        if (length == 0)
        {
            return Of([]);
        }
        Span<byte> buffer = stackalloc byte[MaxBytes];
        buffer = buffer[..length];
        var total = 0;
        while (total < length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], total);
            if (read == 0)
            {
                return null;
            }
            total += read;
        }
        return Of(buffer);
    }
}
