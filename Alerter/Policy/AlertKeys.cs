using System.Security.Cryptography;
using System.Text;

namespace Alerter.Policy;

/// <summary>Stable keys derived from event idempotency keys: same events, same key, across runs and restarts.</summary>
public static class AlertKeys
{
    public static string From(string prefix, IEnumerable<string> parts)
    {
        var text = prefix + "\n" + string.Join("\n", parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
