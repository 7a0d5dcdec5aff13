namespace HAProxy.Sockets;

/// <summary>One-shot commands: connect, send, read the reply up to its terminating empty line, close.</summary>
public static class StatsClient
{
    /// <exception cref="StatsSocketException">Transport failure, deadline, truncated reply.</exception>
    public static Task<string> ExecuteOnceAsync(StatsEndpoint endpoint, string command, TimeSpan timeout, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("owned by the sockets work");
}
