using System.Globalization;

namespace Alerter.Delivery.Templates;

/// <summary>The web page's server view at the alert's moment, pure; every part URL-encoded.</summary>
public static class DashboardLink
{
    /// <summary>
    /// <c>{baseUrl}/server?host=..&amp;proxy=..&amp;server=..&amp;at=&lt;unix ms&gt;</c> (no <c>server</c> for backend events);
    /// null when <paramref name="baseUrl"/> is empty or not an absolute http(s) URL.
    /// </summary>
    public static string? Build(string? baseUrl, string host, string proxy, string? server, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(baseUrl) || !IsHttpUrl(baseUrl))
        {
            return null;
        }
        var link = $"{baseUrl.TrimEnd('/')}/server?host={Uri.EscapeDataString(host)}&proxy={Uri.EscapeDataString(proxy)}";
        if (server is not null)
        {
            link += "&server=" + Uri.EscapeDataString(server);
        }
        return link + "&at=" + at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }

    public static bool IsHttpUrl(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.Query);
}
