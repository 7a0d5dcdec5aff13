using Collector.Configuration;
using HAProxy.Sockets;

namespace Collector.Polling;

/// <summary>
/// Turns configured endpoints into the concrete sockets of this cycle: globs are expanded every time, so a
/// socket that appears (a new HAProxy instance) is polled from the next cycle on.
/// </summary>
public sealed class EndpointResolver(ISocketDirectory directory)
{
    public IReadOnlyList<ResolvedEndpoint> Resolve(IReadOnlyList<EndpointOptions> configured, string machineName)
    {
        var result = new List<ResolvedEndpoint>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in configured)
        {
            if (EndpointAddress.IsGlob(option.Address))
            {
                var (dir, pattern) = EndpointAddress.SplitGlob(option.Address);
                foreach (var path in directory.List(dir, pattern).Order(StringComparer.Ordinal))
                {
                    var endpoint = StatsEndpoint.Unix(path);
                    var host = option.Host is { Length: > 0 } prefix
                        ? $"{prefix}/{Path.GetFileName(path)}"
                        : EndpointAddress.DefaultHost(machineName, endpoint);
                    Add(new ResolvedEndpoint(endpoint, host));
                }
                continue;
            }
            if (StatsEndpoint.TryParse(option.Address, out var single, out _))
            {
                Add(new ResolvedEndpoint(single, option.Host is { Length: > 0 } h ? h : EndpointAddress.DefaultHost(machineName, single)));
            }
        }
        return result;

        void Add(ResolvedEndpoint endpoint)
        {
            if (seen.Add(endpoint.Endpoint.ToString()))
            {
                result.Add(endpoint);
            }
        }
    }
}
