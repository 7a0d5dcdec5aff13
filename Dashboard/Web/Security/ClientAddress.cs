using System.Net;

namespace Dashboard.Web.Security;

/// <summary>
/// Who a request is from: the connection's peer, or, when that peer is a trusted proxy, the address it forwarded
/// for (walking right to left past further trusted proxies). <see cref="BeyondLoopback"/> says whether anything,
/// the peer or any forwarded address (trusted or not), is other than loopback: then a page without a credential
/// refuses it, because behind a local reverse proxy every request comes from loopback.
/// </summary>
public sealed record ClientAddress(IPAddress Address, bool BeyondLoopback)
{
    public static ClientAddress Resolve(IPAddress? peer, IReadOnlyList<string> forwardedChain, TrustedProxies trusted)
    {
        // No peer: an in-process test server; it is this machine.
        var address = Normalize(peer ?? IPAddress.Loopback);
        var beyond = !IPAddress.IsLoopback(address);
        var parsed = forwardedChain.Select(Parse).ToList();
        // Unparsable ("unknown", "_hidden", garbage) counts as beyond loopback: it claims a client we cannot place.
        beyond |= parsed.Any(p => p is null || !IPAddress.IsLoopback(p));
        for (var i = parsed.Count - 1; i >= 0 && trusted.Contains(address); i--)
        {
            if (parsed[i] is not { } hop)
            {
                break;
            }
            address = hop;
        }
        return new ClientAddress(address, beyond);
    }

    /// <summary>An address of a forwarding header: <c>1.2.3.4</c>, <c>1.2.3.4:5678</c>, <c>[2001:db8::1]:80</c>, <c>2001:db8::1</c>.</summary>
    public static IPAddress? Parse(string text)
    {
        text = text.Trim().Trim('"');
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            text = close > 0 ? text[1..close] : text;
        }
        else if (text.Count(c => c == ':') == 1)
        {
            text = text[..text.IndexOf(':')];
        }
        return IPAddress.TryParse(text, out var address) ? Normalize(address) : null;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
