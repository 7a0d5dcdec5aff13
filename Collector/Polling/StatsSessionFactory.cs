using Collector.Configuration;
using HAProxy.Sockets;
using Microsoft.Extensions.Options;

namespace Collector.Polling;

/// <summary>Persistent prompt-mode <see cref="StatsSession"/>s, with the command deadline of the poll.</summary>
public sealed class StatsSessionFactory(IOptions<CollectorOptions> options, TimeProvider time) : IStatsConnectionFactory
{
    public IStatsConnection Create(StatsEndpoint endpoint)
    {
        var timeout = options.Value.EffectivePollTimeout;
        var sessionOptions = new StatsSessionOptions
        {
            ConnectTimeout = timeout < TimeSpan.FromSeconds(2) ? timeout : TimeSpan.FromSeconds(2),
            CommandTimeout = timeout,
            // show info runs every cycle anyway; a process check per command would double the round trips
            ProcessCheckInterval = options.Value.Interval,
            CliIdleTimeout = options.Value.Interval * 3 > TimeSpan.FromSeconds(60) ? options.Value.Interval * 3 : TimeSpan.FromSeconds(60),
        };
        return new StatsSession(endpoint, sessionOptions, time);
    }
}
