using System.Net;

namespace Dashboard.Web.Security;

/// <summary>Which listen URLs reach beyond this machine: anything but a loopback address or <c>localhost</c>.</summary>
public static class BindAddresses
{
    /// <summary>The URLs of <paramref name="urls"/> (separated by <c>;</c>) that are not loopback-only, as written.</summary>
    public static IReadOnlyList<string> NonLoopback(string urls) =>
        Split(urls).Where(url => !IsLoopback(url)).ToList();

    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (http://*:80, http://+:80, http://0.0.0.0:80) listen on every interface; Uri does
        // not parse * and +, so look at the host part by hand.
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var end = rest.IndexOf('/');
        var authority = end >= 0 ? rest[..end] : rest;
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            host = close > 0 ? authority[1..close] : authority;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
        }
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
