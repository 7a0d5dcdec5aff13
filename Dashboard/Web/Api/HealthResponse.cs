using Storage.Reading;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/health</c>: the suite's own health (last poll per endpoint, sinks, log scans, outbox) read at
/// <see cref="ReadAtUnixMs"/>; <see cref="Parts"/> says which part is stale (<see cref="SuiteFreshness"/>) and
/// <see cref="Stale"/> names them. The page's own liveness is <c>/api/live</c>.
/// </summary>
public sealed record HealthResponse(long ReadAtUnixMs, long StaleAfterMs, SuiteHealth Suite,
    IReadOnlyList<PartFreshness> Parts, IReadOnlyList<string> Stale);
