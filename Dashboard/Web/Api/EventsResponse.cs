using Storage.Reading;

namespace Dashboard.Web.Api;

/// <summary><c>GET /api/events</c>: a page of transitions, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record EventsResponse(long FromUnixMs, long ToUnixMs, IReadOnlyList<StoredEvent> Events, long? NextBefore);
