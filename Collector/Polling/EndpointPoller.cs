using Collector.Rates;
using HAProxy.Info;
using HAProxy.Sockets;
using HAProxy.Stats;

namespace Collector.Polling;

/// <summary>
/// Polls one endpoint over its persistent session: <c>show info</c> then <c>show stat</c>, within a deadline
/// that holds even if the socket ignores cancellation. Keeps the previous snapshot for rates. Every failure
/// becomes a result value; a timed-out session is thrown away and reopened on the next poll.
/// </summary>
public sealed class EndpointPoller(ResolvedEndpoint endpoint, IStatsConnectionFactory factory, TimeProvider time) : IAsyncDisposable
{
    private IStatsConnection? _connection;
    private StatsSnapshot? _previous;

    public ResolvedEndpoint Endpoint => endpoint;

    public async Task<EndpointPollResult> PollAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var startTimestamp = time.GetTimestamp();
        string? error;
        StatsSocketError? kind = null;
        try
        {
            _connection ??= factory.Create(endpoint.Endpoint);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(deadline);
            var snapshot = await ReadSnapshotAsync(_connection, cts.Token).WaitAsync(deadline, time, cancellationToken);
            var cycle = SnapshotSampler.Sample(_previous, snapshot);
            _previous = snapshot;
            return new EndpointPollResult(endpoint, started, time.GetElapsedTime(startTimestamp), cycle, snapshot.Info.Pid, null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            kind = StatsSocketError.Timeout;
            error = $"No complete reply from {endpoint.Endpoint} within {deadline.TotalSeconds:0.###} s; the session is reopened next cycle.";
            DropConnection();
        }
        catch (StatsSocketException ex)
        {
            kind = ex.Error;
            error = ex.Message;
            if (ex.Error is StatsSocketError.Timeout or StatsSocketError.NotAStatsSocket)
            {
                DropConnection();
            }
        }
        catch (Exception ex) when (ex is FormatException or StatParseException)
        {
            error = $"Unusable reply from {endpoint.Endpoint}: {ex.Message}";
        }
        return new EndpointPollResult(endpoint, started, time.GetElapsedTime(startTimestamp), null, null, error, kind);
    }

    private async Task<StatsSnapshot> ReadSnapshotAsync(IStatsConnection connection, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var info = ProcessInfo.Parse(await connection.ExecuteAsync("show info", cancellationToken));
            var generation = connection.ConnectionGeneration;
            var timestamp = time.GetUtcNow();
            var stats = StatCsvParser.Parse(await connection.ExecuteAsync("show stat", cancellationToken));
            // A reload between the two commands makes the session reconnect: then info and stats would come
            // from different processes, and rates would be computed across a reset. Read both again once.
            if (attempt == 0 && (info.Stopping || connection.ConnectionGeneration != generation))
            {
                continue;
            }
            return new StatsSnapshot(endpoint.Host, timestamp, info, stats, connection.ConnectionGeneration);
        }
    }

    private void DropConnection()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            // A hung session may take its time to close; never make the poll wait for it.
            _ = Task.Run(async () =>
            {
                try
                {
                    await connection.DisposeAsync();
                }
                catch (Exception)
                {
                    // closing a broken session: nothing left to report
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
