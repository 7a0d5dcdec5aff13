using Collector.Rates;
using HAProxy.Polling;

namespace Collector.Polling;

/// <summary>
/// One endpoint of the Collector: polls it through the shared <see cref="EndpointPoller"/> and turns each poll into
/// the cycle's samples against the previous snapshot (<see cref="SnapshotSampler"/>). Failures stay values.
/// </summary>
public sealed class EndpointSampler(ResolvedEndpoint endpoint, IStatsConnectionFactory factory, TimeProvider time) : IAsyncDisposable
{
    private readonly EndpointPoller _poller = new(() => factory.Create(endpoint.Endpoint), time);
    private StatsSnapshot? _previous;

    public ResolvedEndpoint Endpoint => endpoint;

    public async Task<EndpointPollResult> PollAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var poll = await _poller.PollAsync(deadline, cancellationToken);
        if (poll.Sample is not { } sample)
        {
            return new EndpointPollResult(endpoint, poll.Started, poll.Duration, null, null, poll.Error, poll.ErrorKind);
        }
        var snapshot = new StatsSnapshot(endpoint.Host, sample.Timestamp, sample.Info, sample.Stats, poll.ConnectionGeneration);
        var cycle = SnapshotSampler.Sample(_previous, snapshot);
        _previous = snapshot;
        return new EndpointPollResult(endpoint, poll.Started, poll.Duration, cycle, sample.Info.Pid, null, null);
    }

    public ValueTask DisposeAsync() => _poller.DisposeAsync();
}
