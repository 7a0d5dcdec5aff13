using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Storage.Reading;
using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>
/// The read-only JSON API behind the page (documented at <c>/openapi/v1.json</c>). Only GET and HEAD (uptime probes
/// send HEAD): no admin actions.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The methods of every read endpoint: Kestrel answers HEAD with GET's headers and no body.</summary>
    public static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("dashboard");
        api.MapMethods("/overview", GetAndHead, Overview)
            .WithSummary("Every host's frontends, backends, servers, process and system rows with their newest values and a 15-minute session-rate sparkline.");
        api.MapMethods("/range", GetAndHead, Range)
            .WithSummary("Chosen fields of one series (frontend, backend, server, process or system) between two times, in aligned buckets.");
        api.MapMethods("/events", GetAndHead, Events)
            .WithSummary("State transitions, newest first, filtered by host, proxy, server, kind and severity, with paging.");
        api.MapMethods("/schema", GetAndHead, Schema)
            .WithSummary("The stored measurements and their fields (name, type, unit, description), the names /api/range accepts, and the event kinds /api/events accepts.");
        api.MapMethods("/health", GetAndHead, Health)
            .WithSummary("The suite's own health: the Collector's last poll per endpoint, sinks, the Alerter's log scans and outbox, and which of them are stale.");
        api.MapMethods("/live", GetAndHead, () => TypedResults.Ok(new LiveResponse("ok")))
            .WithSummary("Liveness of the page itself: 200 while it answers, without reading any store (a stale node is /api/health's business).");
        return endpoints;
    }

    private static async Task<Ok<OverviewResponse>> Overview(OverviewReader overview, [FromQuery] string? host, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.ReadAsync(string.IsNullOrEmpty(host) ? null : host, sparklines: true, cancellationToken));

    private static async Task<Results<Ok<RangeResponse>, BadRequest<ApiError>, NotFound<ApiError>>> Range(
        IStorageReader reader, TimeProvider time,
        [FromQuery] string? measurement, [FromQuery] string? host, [FromQuery] string? proxy, [FromQuery] string? server,
        [FromQuery] string? fields, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? range, [FromQuery] string? step,
        CancellationToken cancellationToken)
    {
        var parsed = RangeRequest.Parse(measurement, host, proxy, server, fields, from, to, range, step, time.GetUtcNow());
        if (parsed.Error is { } error)
        {
            return TypedResults.BadRequest(new ApiError(error));
        }
        var request = parsed.Request!;
        RangeResult result;
        try
        {
            result = await reader.GetRangeAsync(new RangeQuery([request.Series], request.Fields, request.From, request.To, request.Step), cancellationToken);
        }
        catch (StorageQueryException ex)
        {
            return TypedResults.BadRequest(new ApiError(ex.Message));
        }
        var series = result.Series[0];
        // An empty range is normal (an outage, a new server); an unknown series is the caller's mistake. Only when
        // nothing came back, ask the catalogue (over the longest range) whether the series exists at all.
        if (series.Avg.Values.All(values => values.All(v => v is null)) && !await ExistsAsync(reader, request.Series, cancellationToken))
        {
            return TypedResults.NotFound(new ApiError($"No {OverviewRows.KindOf(request.Series.Measurement)} {Describe(request.Series)} in the store."));
        }
        return TypedResults.Ok(new RangeResponse(series.Series.Measurement, series.Series.Host, series.Series.Proxy, series.Series.Server,
            result.Resolution == RangeResolution.Raw ? "raw" : "rollup_1m", (long)result.Step.TotalMilliseconds,
            request.From.ToUnixTimeMilliseconds(), request.To.ToUnixTimeMilliseconds(), result.TimesUnixMs, series.Avg, series.Max));
    }

    private static async Task<Results<Ok<EventsResponse>, BadRequest<ApiError>>> Events(
        IStorageReader reader, TimeProvider time,
        [FromQuery] string? host, [FromQuery] string? proxy, [FromQuery] string? server, [FromQuery] string? kind, [FromQuery] string? severity,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? range, [FromQuery] string? limit, [FromQuery] string? before,
        CancellationToken cancellationToken)
    {
        var parsed = EventsRequest.Parse(host, proxy, server, kind, severity, from, to, range, limit, before, time.GetUtcNow());
        if (parsed.Error is { } error)
        {
            return TypedResults.BadRequest(new ApiError(error));
        }
        var query = parsed.Query!;
        try
        {
            var page = await reader.GetEventsAsync(query, cancellationToken);
            return TypedResults.Ok(new EventsResponse(query.From.ToUnixTimeMilliseconds(), query.To.ToUnixTimeMilliseconds(), page.Events, page.NextBeforeId));
        }
        catch (StorageQueryException ex)
        {
            return TypedResults.BadRequest(new ApiError(ex.Message));
        }
    }

    private static async Task<Ok<HealthResponse>> Health(IStorageReader reader, OverviewReader overview, TimeProvider time,
        IOptions<WebOptions> options, CancellationToken cancellationToken)
    {
        var suite = new RetiredHosts(options.Value.RetiredHosts).LeaveOut(await reader.GetHealthAsync(cancellationToken));
        var now = time.GetUtcNow();
        var parts = SuiteFreshness.Assess(suite, now, options.Value);
        return TypedResults.Ok(new HealthResponse(now.ToUnixTimeMilliseconds(), (long)overview.StaleAfter.TotalMilliseconds, suite,
            parts, parts.Where(p => p.Stale).Select(p => p.Part).ToList()));
    }

    private static Ok<SchemaResponse> Schema() => TypedResults.Ok(SchemaResponse.Instance);

    private static async Task<bool> ExistsAsync(IStorageReader reader, SeriesId id, CancellationToken cancellationToken)
    {
        var catalogue = await reader.GetCatalogueAsync(new CatalogueQuery(id.Host, [id.Measurement], StorageLimits.MaxRange), cancellationToken);
        return catalogue.Rows.Any(r => r.Series == id);
    }

    // Names come from the query string: each is cut to 40 characters, so a 404 never carries a 7 KB name back.
    private static string Describe(SeriesId id) =>
        id.Measurement is Measurements.Process or Measurements.System ? $"on host '{TimeWindow.Clip(id.Host)}'"
        : id.Server is null ? $"'{TimeWindow.Clip(id.Proxy ?? "")}' on host '{TimeWindow.Clip(id.Host)}'"
        : $"'{TimeWindow.Clip(id.Proxy ?? "")}/{TimeWindow.Clip(id.Server)}' on host '{TimeWindow.Clip(id.Host)}'";
}
