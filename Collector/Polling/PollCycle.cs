using Collector.Configuration;
using Collector.Health;
using Collector.Node;
using Storage.Samples;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Polling;

/// <summary>
/// One collection cycle: resolve endpoints (globs), poll all of them concurrently each within its own
/// deadline, add the node and self-monitoring samples, hand everything to every sink. One endpoint's failure
/// or hang never fails or delays the others beyond the poll deadline; one sink's failure never stops another.
/// </summary>
public sealed partial class PollCycle(
    IOptions<CollectorOptions> options,
    EndpointResolver resolver,
    IStatsConnectionFactory factory,
    NodeSampler node,
    IEnumerable<ISampleSink> sinks,
    CollectorStatus status,
    TimeProvider time,
    ILogger<PollCycle> logger) : IAsyncDisposable
{
    private readonly Dictionary<string, EndpointSampler> _pollers = new(StringComparer.Ordinal);
    private readonly ISampleSink[] _sinks = sinks.ToArray();
    private readonly PollFailureThrottle _failures = new();

    public IReadOnlyList<ISampleSink> Sinks => _sinks;

    /// <summary>Runs one cycle and returns the samples handed to the sinks.</summary>
    public async Task<IReadOnlyList<Sample>> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = time.GetUtcNow();
        var startTimestamp = time.GetTimestamp();
        var endpoints = resolver.Resolve(settings.EffectiveEndpoints, Environment.MachineName);
        await SyncPollersAsync(endpoints);

        var deadline = settings.EffectivePollTimeout;
        // Task.Run: a connection that blocks synchronously before its first await must not hold up the others.
        var results = await Task.WhenAll(_pollers.Values.Select(p => Task.Run(() => PollSafelyAsync(p, deadline, cancellationToken), CancellationToken.None)));

        var samples = new List<Sample>();
        foreach (var result in results)
        {
            status.Record(result);
            var endpointName = result.Endpoint.Endpoint.ToString();
            if (result.Cycle is { } cycle)
            {
                samples.AddRange(cycle.Samples);
                LogPolled(result.Endpoint.Host, result.Duration.TotalMilliseconds, cycle.Samples.Count, cycle.Continuity);
                if (_failures.Succeeded(result.Endpoint.Key))
                {
                    LogPollRecovered(endpointName, result.Endpoint.Host);
                }
            }
            else if (_failures.Failed(result.Endpoint.Key, result.ErrorKind?.ToString() ?? "Error", started) is { } unlogged)
            {
                var kind = result.ErrorKind?.ToString() ?? "Error";
                if (unlogged == 0)
                {
                    LogPollFailed(endpointName, result.Endpoint.Host, kind, result.Error);
                }
                else
                {
                    LogPollStillFailing(endpointName, result.Endpoint.Host, kind, unlogged, PollFailureThrottle.Every.TotalMinutes, result.Error);
                }
            }
        }
        samples.Add(node.Sample(settings.EffectiveNodeName, started));
        // the self-monitoring points carry the previous cycle's full duration (polls and sink writes)
        samples.AddRange(MonitoringSampler.Build(status.Report(settings.EffectiveNodeName, settings.Interval, _sinks), started));

        await Task.WhenAll(_sinks.Select(sink => WriteSafelyAsync(sink, samples, cancellationToken)));
        status.RecordCycle(started, time.GetElapsedTime(startTimestamp));
        return samples;
    }

    private async Task<EndpointPollResult> PollSafelyAsync(EndpointSampler poller, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        try
        {
            return await poller.PollAsync(deadline, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointPollResult(poller.Endpoint, started, time.GetUtcNow() - started, null, null, $"{ex.GetType().Name}: {ex.Message}", null);
        }
    }

    private async Task WriteSafelyAsync(ISampleSink sink, IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        try
        {
            await sink.WriteAsync(samples, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogSinkFailed(ex, sink.Name, samples.Count);
        }
    }

    private async Task SyncPollersAsync(IReadOnlyList<ResolvedEndpoint> endpoints)
    {
        var keys = endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _pollers.Keys.Where(k => !keys.Contains(k)).ToArray())
        {
            LogEndpointGone(_pollers[gone].Endpoint.Endpoint.ToString());
            await _pollers[gone].DisposeAsync();
            _pollers.Remove(gone);
        }
        foreach (var endpoint in endpoints)
        {
            if (!_pollers.ContainsKey(endpoint.Key))
            {
                LogEndpointAdded(endpoint.Endpoint.ToString(), endpoint.Host);
                _pollers[endpoint.Key] = new EndpointSampler(endpoint, factory, time);
            }
        }
        status.Retain(keys);
        _failures.Retain(keys);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var poller in _pollers.Values)
        {
            await poller.DisposeAsync();
        }
        _pollers.Clear();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polled {Host} in {DurationMs:0.0} ms: {Samples} samples ({Continuity})")]
    private partial void LogPolled(string host, double durationMs, int samples, HAProxy.Rates.Continuity continuity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {Endpoint} (host {Host}) failed ({ErrorKind}): {Error}")]
    private partial void LogPollFailed(string endpoint, string host, string errorKind, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {Endpoint} (host {Host}) still fails ({ErrorKind}): {Unlogged} more failed polls not logged in the last {Minutes} min (see /status): {Error}")]
    private partial void LogPollStillFailing(string endpoint, string host, string errorKind, int unlogged, double minutes, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll of {Endpoint} (host {Host}) works again")]
    private partial void LogPollRecovered(string endpoint, string host);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sink {Sink} failed to take {Samples} samples; the other sinks are unaffected")]
    private partial void LogSinkFailed(Exception exception, string sink, int samples);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {Endpoint} as host {Host}")]
    private partial void LogEndpointAdded(string endpoint, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped polling {Endpoint}: no longer configured or its socket disappeared")]
    private partial void LogEndpointGone(string endpoint);
}
