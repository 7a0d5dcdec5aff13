namespace Dashboard.Web.Api;

/// <summary>A node's freshness: the time of its newest sample, and whether that is older than three Collector intervals.</summary>
public sealed record HostState(string Host, long NewestUnixMs, bool Stale);
