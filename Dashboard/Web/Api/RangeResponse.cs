namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/range</c>: aligned buckets (<see cref="Times"/> holds each bucket's start, unix ms); per field the
/// bucket averages and maxima, null where there was no sample (gaps stay gaps).
/// </summary>
public sealed record RangeResponse(
    string Measurement,
    string Host,
    string? Proxy,
    string? Server,
    string Resolution,
    long StepMs,
    long FromUnixMs,
    long ToUnixMs,
    IReadOnlyList<long> Times,
    IReadOnlyDictionary<string, double?[]> Avg,
    IReadOnlyDictionary<string, double?[]> Max);
