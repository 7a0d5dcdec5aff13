using HAProxy.Sockets;

namespace Collector.Polling;

/// <summary>A concrete endpoint to poll this cycle (a glob expanded) with its <c>host</c> tag.</summary>
public sealed record ResolvedEndpoint(StatsEndpoint Endpoint, string Host)
{
    public string Key => $"{Endpoint}|{Host}";
}
