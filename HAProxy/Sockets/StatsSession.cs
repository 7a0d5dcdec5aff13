namespace HAProxy.Sockets;

/// <summary>
/// A persistent prompt-mode session with one stats socket. Reconnects on EOF, on a new socket inode, when
/// <c>show info</c> says <c>Stopping: 1</c> and when the Pid changes, because an open CLI session keeps an
/// old process alive after a reload and would keep reporting its frozen numbers.
/// </summary>
public sealed class StatsSession : IStatsConnection
{
    public StatsSession(StatsEndpoint endpoint, StatsSessionOptions? options = null, TimeProvider? timeProvider = null)
    {
        Endpoint = endpoint;
        Options = options ?? new StatsSessionOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    private readonly TimeProvider _time;

    public StatsEndpoint Endpoint { get; }

    public StatsSessionOptions Options { get; }

    public ProcessIdentity? Process => throw new NotImplementedException("owned by the sockets work");

    public long ConnectionGeneration => throw new NotImplementedException("owned by the sockets work");

    public Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("owned by the sockets work");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
