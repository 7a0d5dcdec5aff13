namespace Collector.Configuration;

/// <summary>What to poll and how often (section <c>Collector</c>).</summary>
public sealed class CollectorOptions
{
    public const string Section = "Collector";

    /// <summary>Stats sockets to poll. Default: Debian's <c>/run/haproxy/admin.sock</c>.</summary>
    public List<EndpointOptions> Endpoints { get; set; } = [];

    /// <summary>Time between polls; polls are aligned to wall-clock multiples of it. Default 10 s, minimum 1 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Deadline for one endpoint's poll (<c>show info</c> + <c>show stat</c>); a hung HAProxy is abandoned after it
    /// and cannot delay the others. Capped at 80% of <see cref="Interval"/>. Default 5 s.
    /// </summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>host</c> tag of the <c>system</c> and <c>monitoring_collector</c> measurements. Default: machine name.</summary>
    public string? NodeName { get; set; }

    /// <summary>
    /// After each cycle, run a full compacting garbage collection that hands the cycle's dead samples back to
    /// the operating system. The Collector idles between cycles, so without it the runtime keeps tens of MB
    /// (one 10,000-server cycle allocates about 40 MB) committed for nothing; with it, resident memory stays
    /// near the live data. Costs a few tens of ms of CPU per cycle at 10,000 servers. Default true.
    /// </summary>
    public bool ReleaseMemoryAfterCycle { get; set; } = true;

    /// <summary>Endpoints used when none are configured.</summary>
    public static IReadOnlyList<EndpointOptions> DefaultEndpoints { get; } = [new EndpointOptions { Address = "/run/haproxy/admin.sock" }];

    public IReadOnlyList<EndpointOptions> EffectiveEndpoints => Endpoints.Count > 0 ? Endpoints : DefaultEndpoints;

    public TimeSpan EffectivePollTimeout => PollTimeout < Interval * 0.8 ? PollTimeout : Interval * 0.8;

    public string EffectiveNodeName => string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName;
}
