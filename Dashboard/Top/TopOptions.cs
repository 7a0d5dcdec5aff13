using Dashboard.Top.Model;
using HAProxy.Sockets;

namespace Dashboard.Top;

/// <summary>What <c>dashboard top</c> was asked to show.</summary>
public sealed record TopOptions
{
    /// <summary>Debian's default admin socket, used when no <c>--socket</c> is given.</summary>
    public const string DefaultSocket = "/run/haproxy/admin.sock";

    /// <summary>Stats sockets (unix paths or host:port), at least one; each becomes a node.</summary>
    public IReadOnlyList<StatsEndpoint> Endpoints { get; init; } = [];

    /// <summary>Time between polls. Default 2 s; at least 100 ms.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Mode at start. Default STATUS.</summary>
    public TopMode Mode { get; init; } = TopMode.Status;

    /// <summary>Refuse admin actions and state-changing CLI commands. Default false.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Show only proxies whose name matches (<c>*</c>, <c>?</c>); null = all.</summary>
    public string? ProxyFilter { get; init; }

    /// <summary>Problems a person can fix, one per line; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Endpoints.Count == 0)
        {
            errors.Add("Give at least one stats socket: --socket /run/haproxy/admin.sock or --socket 127.0.0.1:9999.");
        }
        if (Interval < TimeSpan.FromMilliseconds(100))
        {
            errors.Add($"--interval {Interval.TotalMilliseconds:0}ms is too short: use 100ms or more (default 2s).");
        }
        if (Interval > TimeSpan.FromHours(1))
        {
            errors.Add("--interval is longer than an hour: use seconds, e.g. --interval 2s.");
        }
        var duplicates = Endpoints.GroupBy(e => e.ToString()).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            errors.Add($"The same socket is given twice: {string.Join(", ", duplicates)}.");
        }
        return errors;
    }
}
