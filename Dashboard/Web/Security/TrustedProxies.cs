using System.Net;

namespace Dashboard.Web.Security;

/// <summary>The addresses and networks of <c>Dashboard:Auth:TrustedProxies</c>; empty by default (nobody is believed).</summary>
public sealed class TrustedProxies(IReadOnlyList<IPNetwork> networks)
{
    public static readonly TrustedProxies None = new([]);

    public IReadOnlyList<IPNetwork> Networks => networks;

    public bool Contains(IPAddress address) => networks.Any(n => n.Contains(address));

    /// <summary>Parses <c>127.0.0.1;10.0.0.0/8</c>; the entries that are neither an address nor a network go to <paramref name="bad"/>.</summary>
    public static TrustedProxies Parse(string? text, out IReadOnlyList<string> bad)
    {
        var list = new List<IPNetwork>();
        var wrong = new List<string>();
        foreach (var entry in (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                list.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                list.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                wrong.Add(entry);
            }
        }
        bad = wrong;
        return new TrustedProxies(list);
    }
}
