using System.Threading.Channels;
using Dashboard.Top.Model;
using Dashboard.Top.Update;
using HAProxy.Polling;
using HAProxy.Sockets;

namespace Dashboard.Top.Polling;

/// <summary>
/// Polls one node off the UI loop: every interval (or at once when asked) <c>show cli level</c> (once per
/// connection), then <c>show info</c> and <c>show stat</c> through the shared <see cref="EndpointPoller"/>; the rates
/// come from <see cref="RateTracker"/>, and the result reaches the UI as a <see cref="SnapshotArrived"/>. A failure is
/// posted as <see cref="PollFailed"/> and the loop goes on; the session reconnects by itself.
/// </summary>
public sealed class NodePoller
{
    /// <summary>
    /// Longest wait for one poll's replies. The session's own command deadline (5 s) bounds each command; this
    /// bounds the pair, so a wedged node shows an error instead of freezing its rows.
    /// </summary>
    internal static readonly TimeSpan PollDeadline = TimeSpan.FromSeconds(12);

    private readonly IStatsConnection _connection;
    private readonly EndpointPoller _poller;
    private readonly string _endpoint;
    private readonly TimeSpan _interval;
    private readonly ChannelWriter<TopMessage> _output;
    private readonly TimeProvider _time;
    private readonly RateTracker _rates = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private string? _level;
    private long _levelGeneration = -1;

    public NodePoller(IStatsConnection connection, string endpoint, TimeSpan interval, ChannelWriter<TopMessage> output, TimeProvider time)
    {
        _connection = connection;
        // The session is shared with admin actions and the CLI mode: the poller never closes it.
        _poller = new EndpointPoller(() => connection, time, ownsConnection: false);
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
            var poll = await _poller.PollAsync(PollDeadline, cancellationToken).ConfigureAwait(false);
            if (poll.Sample is not { } sample)
            {
                _level = null;
                return new PollFailed(_endpoint, poll.Error ?? "poll failed", _time.GetLocalNow());
            }
            var (rows, bucket) = _rates.Update(sample);
            var polledAt = TimeZoneInfo.ConvertTime(sample.Timestamp, _time.LocalTimeZone);
            return new SnapshotArrived(new NodeSnapshot(_endpoint, polledAt, sample.Info, sample.Stats, rows, _level, _time.GetElapsedTime(started), bucket));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            // show cli level failed: one bad poll never stops the loop; it is shown, and the next poll tries again.
            _level = null;
            return new PollFailed(_endpoint, ex.Message, _time.GetLocalNow());
        }
    }
}
