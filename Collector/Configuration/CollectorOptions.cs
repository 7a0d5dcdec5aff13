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

    /// <summary>Endpoints used when none are configured.</summary>
    public static IReadOnlyList<EndpointOptions> DefaultEndpoints { get; } = [new EndpointOptions { Address = "/run/haproxy/admin.sock" }];

    public IReadOnlyList<EndpointOptions> EffectiveEndpoints => Endpoints.Count > 0 ? Endpoints : DefaultEndpoints;

    public TimeSpan EffectivePollTimeout => PollTimeout < Interval * 0.8 ? PollTimeout : Interval * 0.8;

    public string EffectiveNodeName => string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName;
}
