using System.Globalization;

namespace Alerter.Messages.Templates;

/// <summary>
/// The web page's view of what an alert is about, at the alert's moment, pure; every part URL-encoded. A server event
/// opens the server's page; a backend event ("has no server available", a proxy stopped) has no server, so it opens
/// the backend's page, which the web serves at <c>/backend?host=..&amp;proxy=..</c> (the server page needs a server).
/// </summary>
public static class DashboardLink
{
    /// <summary>
    /// <c>{baseUrl}/server?host=..&amp;proxy=..&amp;server=..&amp;at=&lt;unix ms&gt;</c>, or for a backend event
    /// (<paramref name="server"/> null) <c>{baseUrl}/backend?host=..&amp;proxy=..&amp;at=..</c>;
    /// null when <paramref name="baseUrl"/> is empty or not an absolute http(s) URL.
    /// </summary>
    public static string? Build(string? baseUrl, string host, string proxy, string? server, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(baseUrl) || !IsHttpUrl(baseUrl))
        {
            return null;
        }
        var link = $"{baseUrl.TrimEnd('/')}/{View(server)}?host={Uri.EscapeDataString(host)}&proxy={Uri.EscapeDataString(proxy)}";
        if (server is not null)
        {
            link += "&server=" + Uri.EscapeDataString(server);
        }
        return link + "&at=" + at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The page the link opens: <c>server</c>, or <c>backend</c> for an event without a server.</summary>
    public static string View(string? server) => server is null ? "backend" : "server";

    public static bool IsHttpUrl(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.Query);
}
