using HAProxy.Info;
using HAProxy.Rates;
using HAProxy.Sockets;
using HAProxy.Stats;

namespace HAProxy.Polling;

/// <summary>
/// Polls one endpoint over its persistent session: <c>show info</c> then <c>show stat</c>, within a deadline that
/// holds even if the socket ignores cancellation, and turns every outcome into an <see cref="EndpointPoll"/>. The
/// Collector and <c>dashboard top</c> both poll through it. A session that timed out or proved not to be a stats
/// socket is thrown away and opened again (by <c>open</c>) on the next poll, so a wedged HAProxy costs one deadline.
/// </summary>
/// <param name="open">Opens the endpoint's session; called on the first poll and after a session was thrown away.</param>
/// <param name="time">The clock: deadlines, durations and the sample time.</param>
/// <param name="ownsConnection">Whether the poller may dispose the session (false when others share it).</param>
public sealed class EndpointPoller(Func<IStatsConnection> open, TimeProvider time, bool ownsConnection = true) : IAsyncDisposable
{
    private IStatsConnection? _connection;

    /// <summary>The session in use (opened if needed), e.g. for one more command after a poll.</summary>
    public IStatsConnection Connection => _connection ??= open();

    public async Task<EndpointPoll> PollAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var startTimestamp = time.GetTimestamp();
        string? error;
        StatsSocketError? kind = null;
        var connection = Connection;
        try
        {
            using var timer = new CancellationTokenSource(deadline, time);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            var (sample, generation) = await ReadAsync(connection, cts.Token).WaitAsync(deadline, time, cancellationToken).ConfigureAwait(false);
            return new EndpointPoll(started, time.GetElapsedTime(startTimestamp), sample, generation, null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            kind = StatsSocketError.Timeout;
            error = $"No complete reply from {connection.Endpoint} within {deadline.TotalSeconds:0.###} s; the session is reopened next time.";
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
            error = $"Unusable reply from {connection.Endpoint}: {ex.Message}";
        }
        return new EndpointPoll(started, time.GetElapsedTime(startTimestamp), null, connection.ConnectionGeneration, error, kind);
    }

    private async Task<(StatSample Sample, long Generation)> ReadAsync(IStatsConnection connection, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var info = ProcessInfo.Parse(await connection.ExecuteAsync("show info", cancellationToken).ConfigureAwait(false));
            var generation = connection.ConnectionGeneration;
            var timestamp = time.GetUtcNow();
            var stats = StatCsvParser.Parse(await connection.ExecuteAsync("show stat", cancellationToken).ConfigureAwait(false));
            // A reload between the two commands makes the session reconnect: then info and stats would come
            // from different processes, and rates would be computed across a reset. Read both again once.
            if (attempt == 0 && (info.Stopping || connection.ConnectionGeneration != generation))
            {
                continue;
            }
            return (new StatSample(timestamp, info, stats), connection.ConnectionGeneration);
        }
    }

    private void DropConnection()
    {
        var connection = _connection;
        if (!ownsConnection || connection is null)
        {
            return; // a shared session reconnects by itself; its owner closes it
        }
        _connection = null;
        // A hung session may take its time to close; never make the poll wait for it.
        _ = Task.Run(async () =>
        {
            try
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // closing a broken session: nothing left to report
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsConnection && _connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        _connection = null;
    }
}
