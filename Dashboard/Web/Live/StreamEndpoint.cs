using Dashboard.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.Web.Live;

/// <summary><c>GET /api/stream</c>: server-sent events <c>rows</c>, <c>events</c> and <c>tick</c> (see <see cref="LiveFeed"/>).</summary>
public static class StreamEndpoint
{
    public static IEndpointRouteBuilder MapDashboardStream(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/stream", Stream)
            .WithTags("dashboard")
            .WithSummary("Server-sent events: 'rows' (rows with a newer sample; pass since=<overview readAtUnixMs>), 'events' (new transitions), 'tick' (each poll, with node freshness). 503 past the stream caps.");
        return endpoints;
    }

    // 'since' is read as text, not bound as long?: a binding failure would be an empty 400, and the README promises {"error": ...}.
    private static Results<ServerSentEventsResult<string>, BadRequest<ApiError>, JsonHttpResult<ApiError>> Stream(
        HttpContext context, LiveFeed feed, [FromQuery] string? since, CancellationToken cancellationToken)
    {
        long? sinceUnixMs = null;
        if (!string.IsNullOrEmpty(since))
        {
            if (!TimeWindow.TryParseTime(since, out var time))
            {
                return TypedResults.BadRequest(new ApiError($"'since' must be unix milliseconds or an ISO 8601 time (the overview's readAtUnixMs); got '{TimeWindow.Clip(since)}'."));
            }
            sinceUnixMs = time.ToUnixTimeMilliseconds();
        }
        var (stream, refusal) = feed.Open(context, sinceUnixMs, cancellationToken);
        if (stream is null)
        {
            context.Response.Headers.RetryAfter = "10";
            return TypedResults.Json(new ApiError(refusal!), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.ServerSentEvents(stream);
    }
}
