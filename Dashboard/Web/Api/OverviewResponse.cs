namespace Dashboard.Web.Api;

/// <summary><c>GET /api/overview</c>: every row with its newest values, each node's freshness, read at <see cref="ReadAtUnixMs"/>.</summary>
public sealed record OverviewResponse(
    long ReadAtUnixMs,
    long CollectorIntervalMs,
    long StaleAfterMs,
    IReadOnlyList<HostState> Hosts,
    IReadOnlyList<OverviewRow> Rows);
