using System.Globalization;
using Storage.Reading;
using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>Pure validation of <c>GET /api/events</c>'s parameters into an <see cref="EventQuery"/>.</summary>
public static class EventsRequest
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    public static (EventQuery? Query, string? Error) Parse(string? host, string? proxy, string? server, string? kind, string? severity,
        string? from, string? to, string? range, string? limit, string? before, DateTimeOffset now)
    {
        if (!TimeWindow.TryParse(from, to, range, now, DefaultRange, out var start, out var end, out var error))
        {
            return (null, error);
        }
        var kinds = List(kind);
        foreach (var k in kinds)
        {
            if (!EventKinds.TryParse(k, out _))
            {
                return (null, $"Unknown event kind '{TimeWindow.Clip(k)}'; kinds are {string.Join(", ", EventKinds.All.Select(e => e.Name))}.");
            }
        }
        var severities = List(severity);
        foreach (var s in severities)
        {
            if (!Severities.IsKnown(s))
            {
                return (null, $"Unknown severity '{TimeWindow.Clip(s)}'; severities are {string.Join(", ", Severities.All.Select(v => v.Name))}.");
            }
        }
        var pageSize = 200;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > StorageLimits.MaxEvents))
        {
            return (null, $"'limit' must be 1 to {StorageLimits.MaxEvents}; got '{TimeWindow.Clip(limit)}'.");
        }
        long? beforeId = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (null, $"'before' must be an event id (the previous page's nextBefore); got '{TimeWindow.Clip(before)}'.");
            }
            beforeId = id;
        }
        return (new EventQuery(start, end, Empty(host), Empty(proxy), Empty(server), kinds, severities, pageSize, beforeId), null);
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static List<string> List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
