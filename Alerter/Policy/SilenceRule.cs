using HAProxy.Names;

namespace Alerter.Policy;

/// <summary>
/// A maintenance window: events whose proxy and server match the globs (<c>*</c>, <c>?</c>) and whose log time
/// falls in [<see cref="Start"/>, <see cref="End"/>) are recorded but not sent.
/// </summary>
public sealed class SilenceRule
{
    /// <summary>Glob over the host name. Default <c>*</c>.</summary>
    public string Host { get; set; } = "*";

    /// <summary>Glob over the proxy (backend) name. Default <c>*</c>.</summary>
    public string Proxy { get; set; } = "*";

    /// <summary>Glob over the server name; backend-level events have no server and match only <c>*</c>. Default <c>*</c>.</summary>
    public string Server { get; set; } = "*";

    /// <summary>Start of the window (inclusive). Null = open start.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>End of the window (exclusive). Null = open end (until removed from configuration).</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>Why (shown in logs), e.g. a change ticket.</summary>
    public string? Comment { get; set; }

    public bool Matches(PolicyEvent e)
        => (Start is null || e.Time >= Start) && (End is null || e.Time < End)
           && NamePattern.IsMatch(Host, e.Host) && NamePattern.IsMatch(Proxy, e.Proxy)
           && (e.Server is null ? Server == "*" : NamePattern.IsMatch(Server, e.Server));
}
