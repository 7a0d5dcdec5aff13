namespace HAProxy.Sockets;

/// <summary>Tuning for a persistent stats session.</summary>
public sealed record StatsSessionOptions
{
    /// <summary>Time allowed to connect and enter prompt mode. Default 2 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Deadline for one command's complete reply. Default 5 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old the last proof of a live (not stopping) process may be before a command runs; older means a
    /// cheap <c>show info</c> first. Zero checks before every command. Default 1 s.
    /// </summary>
    public TimeSpan ProcessCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest reply accepted, in bytes, before the reply is refused. Default 256 MiB.</summary>
    public int MaxReplyBytes { get; init; } = 256 * 1024 * 1024;

    /// <summary>Value for <c>set timeout cli</c> so HAProxy does not drop an idle session. Default 60 s.</summary>
    public TimeSpan CliIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
