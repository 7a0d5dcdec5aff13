using Collector.Polling;
using HAProxy.Sockets;
using Microsoft.Extensions.Options;

namespace Collector.Configuration;

/// <summary>Checks <see cref="CollectorOptions"/> at start-up and says how to fix what is wrong.</summary>
public sealed class CollectorOptionsValidator : IValidateOptions<CollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, CollectorOptions options)
    {
        var errors = new List<string>();
        if (options.Interval < TimeSpan.FromSeconds(1) || options.Interval > TimeSpan.FromHours(1))
        {
            errors.Add($"Collector:Interval is {options.Interval}; use a value from 00:00:01 (1 s) to 01:00:00, e.g. \"00:00:10\".");
        }
        if (options.PollTimeout <= TimeSpan.Zero)
        {
            errors.Add($"Collector:PollTimeout is {options.PollTimeout}; use a positive duration such as \"00:00:05\".");
        }
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Endpoints.Count; i++)
        {
            var endpoint = options.Endpoints[i];
            var where = $"Collector:Endpoints:{i}";
            if (string.IsNullOrWhiteSpace(endpoint.Address))
            {
                errors.Add($"{where}:Address is empty; set a socket path (/run/haproxy/admin.sock), a glob (/run/haproxy/*.sock) or host:port.");
                continue;
            }
            if (EndpointAddress.IsGlob(endpoint.Address))
            {
                if (EndpointAddress.GlobError(endpoint.Address) is { } globError)
                {
                    errors.Add($"{where}:Address '{endpoint.Address}': {globError}");
                }
            }
            else if (!StatsEndpoint.TryParse(endpoint.Address, out _, out var error))
            {
                errors.Add($"{where}:Address: {error}");
            }
            if (endpoint.Host is { } host && !EndpointAddress.IsGlob(endpoint.Address) && !hosts.Add(host))
            {
                errors.Add($"{where}:Host '{host}' is used by another endpoint; each endpoint needs its own host tag or its samples mix.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
