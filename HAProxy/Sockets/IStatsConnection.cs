namespace HAProxy.Sockets;

/// <summary>
/// One persistent conversation with one HAProxy stats socket (prompt mode). Implementations reconnect by
/// themselves so that callers never read a stopped process's frozen numbers.
/// </summary>
public interface IStatsConnection : IAsyncDisposable
{
    StatsEndpoint Endpoint { get; }

    /// <summary>
    /// Sends one command and returns HAProxy's reply text without the terminating empty line and prompt.
    /// </summary>
    /// <exception cref="StatsSocketException">Transport failure, deadline, truncated reply.</exception>
    Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default);

    /// <summary>The HAProxy process last seen on this connection (from <c>show info</c>), if known.</summary>
    ProcessIdentity? Process { get; }

    /// <summary>How many times a connection was (re)established; grows on every reconnect.</summary>
    long ConnectionGeneration { get; }
}
