using HAProxy.Sockets;

namespace HAProxy.Tests.Polling;

/// <summary>A stats connection whose replies come from a function of the command (and may hang or throw).</summary>
internal sealed class ScriptedConnection(Func<string, long, Task<string>> reply) : IStatsConnection
{
    private long _calls;

    public StatsEndpoint Endpoint { get; } = StatsEndpoint.Unix("/run/test.sock");

    public ProcessIdentity? Process => null;

    /// <summary>Set by a script to simulate a reconnect between commands.</summary>
    public long ConnectionGeneration { get; set; } = 1;

    public List<string> Commands { get; } = [];

    public bool Disposed { get; private set; }

    public Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default)
    {
        lock (Commands)
        {
            Commands.Add(command);
        }
        return reply(command, Interlocked.Increment(ref _calls));
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
