using System.Threading.Channels;
using Dashboard.Top.Model;
using Dashboard.Top.Update;
using HAProxy.Info;
using HAProxy.Sockets;
using HAProxy.Stats;

namespace Dashboard.Top.Polling;

/// <summary>
/// Polls one endpoint off the UI loop: every interval (or at once when asked) <c>show info</c> and
/// <c>show stat</c>, parsed and turned into rates, posted to the UI as a <see cref="SnapshotArrived"/>. A
/// failure is posted as <see cref="PollFailed"/> and the loop goes on; the session reconnects by itself.
/// </summary>
public sealed class EndpointPoller
{
    private readonly IStatsConnection _connection;
    private readonly string _endpoint;
    private readonly TimeSpan _interval;
    private readonly ChannelWriter<TopMessage> _output;
    private readonly TimeProvider _time;
    private readonly RateTracker _rates = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private string? _level;
    private long _levelGeneration = -1;

    public EndpointPoller(IStatsConnection connection, string endpoint, TimeSpan interval, ChannelWriter<TopMessage> output, TimeProvider time)
    {
        _connection = connection;
        _endpoint = endpoint;
        _interval = interval;
        _output = output;
        _time = time;
    }

    /// <summary>Polls now instead of at the end of the interval (after an admin action, to show its effect).</summary>
    public void PollNow()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A poll is already requested.
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            var message = await PollOnceAsync(cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                return;
            }
            _output.TryWrite(message);
            var wait = _interval - _time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var delay = Task.Delay(wait, _time, stop.Token);
                var wake = _wake.WaitAsync(stop.Token);
                await Task.WhenAny(delay, wake).ConfigureAwait(false);
                await stop.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(delay, wake).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One poll; null when cancelled.</summary>
    internal async Task<TopMessage?> PollOnceAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            if (_level is null || _levelGeneration != _connection.ConnectionGeneration)
            {
                _level = (await _connection.ExecuteAsync("show cli level", cancellationToken).ConfigureAwait(false)).Trim();
                _levelGeneration = _connection.ConnectionGeneration;
            }
            var info = ProcessInfo.Parse(await _connection.ExecuteAsync("show info", cancellationToken).ConfigureAwait(false));
            var stat = await _connection.ExecuteAsync("show stat", cancellationToken).ConfigureAwait(false);
            if (_connection.Process is { } process && info.Pid is { } pid && process.Pid != pid)
            {
                // The session moved to a new process between the two commands: describe the one that sent the stats.
                info = ProcessInfo.Parse(await _connection.ExecuteAsync("show info", cancellationToken).ConfigureAwait(false));
            }
            var table = StatCsvParser.Parse(stat);
            var now = _time.GetLocalNow();
            var (rows, bucket) = _rates.Update(table, info.Pid, now);
            return new SnapshotArrived(new NodeSnapshot(_endpoint, now, info, table, rows, _level, _time.GetElapsedTime(started), bucket));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            // One bad poll never stops the loop: it is shown, and the next poll tries again.
            _level = null;
            return new PollFailed(_endpoint, Describe(ex), _time.GetLocalNow());
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        StatsSocketException s => s.Message,
        StatParseException p => "unreadable show stat reply: " + p.Message,
        FormatException f => "unreadable reply: " + f.Message,
        _ => ex.Message,
    };
}
