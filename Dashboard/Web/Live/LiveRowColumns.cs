using System.Text.Json;
using Dashboard.Web.Api;

namespace Dashboard.Web.Live;

/// <summary>
/// The columns of a proxy row on the event stream: its <see cref="LiveRowIds"/> number, then <see cref="OverviewRow"/>'s
/// JSON names (derived from its properties) in one fixed order. The row's identity travels once, in <see cref="IdentityNames"/> order.
/// </summary>
public static class LiveRowColumns
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "id", Json(nameof(OverviewRow.TimeUnixMs)), Json(nameof(OverviewRow.Stale)), Json(nameof(OverviewRow.Status)),
        Json(nameof(OverviewRow.CheckStatus)), Json(nameof(OverviewRow.Up)), Json(nameof(OverviewRow.Weight)),
        Json(nameof(OverviewRow.SessionsCurrent)), Json(nameof(OverviewRow.SessionsLimit)), Json(nameof(OverviewRow.SessionsPct)),
        Json(nameof(OverviewRow.SessionRate)), Json(nameof(OverviewRow.BytesInRate)), Json(nameof(OverviewRow.BytesOutRate)),
        Json(nameof(OverviewRow.Http5xxRate)), Json(nameof(OverviewRow.QueueCurrent)), Json(nameof(OverviewRow.ResponseTimeMs)),
        Json(nameof(OverviewRow.ActiveServers)), Json(nameof(OverviewRow.BackupServers)),
    ];

    public static IReadOnlyList<string> IdentityNames { get; } =
        ["id", Json(nameof(OverviewRow.Kind)), Json(nameof(OverviewRow.Host)), Json(nameof(OverviewRow.Proxy)), Json(nameof(OverviewRow.Server))];

    /// <summary>A property's name as the API's JSON spells it (camelCase), so a column cannot drift from <see cref="OverviewRow"/>.</summary>
    private static string Json(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);

    public static object?[] Values(long id, OverviewRow r) =>
    [
        id, r.TimeUnixMs, r.Stale, r.Status, r.CheckStatus, r.Up, r.Weight, r.SessionsCurrent, r.SessionsLimit, Shown(r.SessionsPct),
        Shown(r.SessionRate), Shown(r.BytesInRate), Shown(r.BytesOutRate), Shown(r.Http5xxRate), r.QueueCurrent, Shown(r.ResponseTimeMs),
        r.ActiveServers, r.BackupServers,
    ];

    public static object?[] Identity(long id, OverviewRow r) => [id, r.Kind, r.Host, r.Proxy, r.Server];

    /// <summary>
    /// A rate rounded to 6 significant digits: the page shows at most 4, and a computed rate's 17 digits of
    /// round-trip precision were a third of every poll's bytes.
    /// </summary>
    public static double? Shown(double? value)
    {
        if (value is not { } v || v == 0 || !double.IsFinite(v))
        {
            return value;
        }
        var decimals = 5 - (int)Math.Floor(Math.Log10(Math.Abs(v)));
        return decimals <= 0 ? Math.Round(v) : Math.Round(v, Math.Min(decimals, 15));
    }
}
