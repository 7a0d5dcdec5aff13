using Storage.Reading;

namespace Dashboard.Web.Live;

/// <summary>SSE <c>events</c>: transitions stored since the last message, newest first.</summary>
public sealed record LiveEvents(IReadOnlyList<StoredEvent> Events);
