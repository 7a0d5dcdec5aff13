using Dashboard.Web.Api;

namespace Dashboard.Web.Live;

/// <summary>The identity of an overview row across polls (kind, host, proxy, server), as the page keys its rows too.</summary>
public static class RowKey
{
    public static string Of(OverviewRow row) => string.Join('\u001f', row.Kind, row.Host, row.Proxy ?? "", row.Server ?? "");
}
