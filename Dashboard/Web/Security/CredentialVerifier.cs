using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Decides whether an <c>Authorization</c> header carries the configured credential: <c>Bearer token</c>, or
/// <c>Basic</c> with the user and the password of the PBKDF2 hash, or with the token as password (a browser can
/// send only basic auth, and it sends it for the event stream too).
/// </summary>
public sealed class CredentialVerifier
{
    // PBKDF2 costs ~0.2 s by design; a page makes dozens of requests with the same header. Keep the SHA-256 of
    // headers already verified (not the headers themselves), bounded.
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<string, bool> _verified = new(StringComparer.Ordinal);

    // One check at a time, waited for asynchronously: eight guesses at once each held a thread-pool thread for a
    // PBKDF2 hash, and on a 2-core machine (2 pool threads to start with) a colleague's request then waited
    // seconds for a thread. Now guessing can take one core at most and blocks no other request.
    private readonly SemaphoreSlim _hashing = new(1, 1);
    private readonly Credentials _credentials;

    public CredentialVerifier(IOptions<WebOptions> options) : this(Credentials.From(options.Value.Auth))
    {
    }

    public CredentialVerifier(Credentials credentials) => _credentials = credentials;

    public bool Configured => _credentials.Configured;

    /// <summary>True when this header was accepted before: no hashing needed, so the throttle lets it through.</summary>
    public bool IsKnownGood(string? authorization) => !string.IsNullOrEmpty(authorization) && _verified.ContainsKey(Key(authorization));

    public async ValueTask<bool> AcceptsAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return false;
        }
        var key = Key(authorization);
        if (_verified.ContainsKey(key))
        {
            return true;
        }
        await _hashing.WaitAsync(cancellationToken);
        bool ok;
        try
        {
            ok = Check(authorization);
        }
        finally
        {
            _hashing.Release();
        }
        if (ok)
        {
            if (_verified.Count >= MaxCached)
            {
                _verified.Clear();
            }
            _verified[key] = true;
        }
        return ok;
    }

    private static string Key(string authorization) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)));

    private bool Check(string authorization)
    {
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return _credentials.Token is { } token && FixedEquals(authorization[7..].Trim(), token);
        }
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }
        var user = decoded[..colon];
        var password = decoded[(colon + 1)..];
        if (_credentials.Token is { } t && FixedEquals(password, t))
        {
            return true;
        }
        return _credentials.PasswordHash is { } hash
            && (_credentials.User is null || FixedEquals(user, _credentials.User))
            && PasswordHash.Verify(password, hash);
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
