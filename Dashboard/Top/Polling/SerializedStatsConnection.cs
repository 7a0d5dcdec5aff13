using HAProxy.Sockets;

namespace Dashboard.Top.Polling;

/// <summary>
/// Lets the poller, admin actions and the CLI share one prompt-mode session: one command at a time, because
/// replies on a prompt session are matched to commands by order.
/// </summary>
public sealed class SerializedStatsConnection : IStatsConnection
{
    private readonly IStatsConnection _inner;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SerializedStatsConnection(IStatsConnection inner) => _inner = inner;

    public StatsEndpoint Endpoint => _inner.Endpoint;

    public ProcessIdentity? Process => _inner.Process;

    public long ConnectionGeneration => _inner.ConnectionGeneration;

    public async Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _inner.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
