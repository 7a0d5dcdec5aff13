using HAProxy.Sockets;

namespace Collector.Polling;

/// <summary>Creates the persistent session of one endpoint; a seam so tests can plug in failing connections.</summary>
public interface IStatsConnectionFactory
{
    IStatsConnection Create(StatsEndpoint endpoint);
}
