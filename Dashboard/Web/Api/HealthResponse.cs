using Storage.Reading;

namespace Dashboard.Web.Api;

/// <summary><c>GET /api/health</c>: the suite's own health (last poll per endpoint, sinks, log scans, outbox) read at <see cref="ReadAtUnixMs"/>.</summary>
public sealed record HealthResponse(long ReadAtUnixMs, long StaleAfterMs, SuiteHealth Suite);
