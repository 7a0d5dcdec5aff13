namespace Dashboard.Top.Model;

/// <summary>
/// What the viewer adds to one <c>show stat</c> row: cached names and per-second rates from counter deltas
/// (NaN until two samples of the same process exist), plus the row's traffic history for the sparkline.
/// </summary>
public readonly record struct RowDerived(
    string Proxy,
    string Service,
    float SessionRate,
    float BytesInRate,
    float BytesOutRate,
    float RequestRate,
    TrafficHistory? History);
