using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.Web.Live;

/// <summary><c>GET /api/stream</c>: server-sent events <c>rows</c>, <c>events</c> and <c>tick</c> (see <see cref="LiveFeed"/>).</summary>
public static class StreamEndpoint
{
    public static IEndpointRouteBuilder MapDashboardStream(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/stream", (LiveFeed feed, [FromQuery] long? since, CancellationToken cancellationToken) =>
                TypedResults.ServerSentEvents(feed.SubscribeAsync(since, cancellationToken)))
            .WithTags("dashboard")
            .WithSummary("Server-sent events: 'rows' (rows with a newer sample; pass since=<overview readAtUnixMs>), 'events' (new transitions), 'tick' (each poll, with node freshness).");
        return endpoints;
    }
}
