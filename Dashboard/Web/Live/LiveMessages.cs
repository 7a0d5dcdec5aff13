using Dashboard.Web.Api;
using Storage.Reading;

namespace Dashboard.Web.Live;

/// <summary>SSE <c>rows</c>: rows with a newer sample since the last message (and rows that left the catalogue).</summary>
public sealed record LiveRows(long ReadAtUnixMs, IReadOnlyList<HostState> Hosts, IReadOnlyList<OverviewRow> Rows, IReadOnlyList<string> Removed);

/// <summary>SSE <c>events</c>: transitions stored since the last message, newest first.</summary>
public sealed record LiveEvents(IReadOnlyList<StoredEvent> Events);

/// <summary>SSE <c>tick</c>: sent every poll, so a page tells a stale node (no new rows) from a dead stream.</summary>
public sealed record LiveTick(long ReadAtUnixMs, IReadOnlyList<HostState> Hosts);
