using Dashboard.Web.Api;

namespace Dashboard.Web.Live;

/// <summary>SSE <c>tick</c>: sent every poll, so a page tells a stale node (no new rows) from a dead stream.</summary>
public sealed record LiveTick(long ReadAtUnixMs, IReadOnlyList<HostState> Hosts);
