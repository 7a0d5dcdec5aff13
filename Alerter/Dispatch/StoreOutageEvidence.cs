using Alerter.Policy;
using HAProxy.Logs;
using Microsoft.Extensions.Logging;
using Storage.Reading;
using Storage.Schema;

namespace Alerter.Dispatch;

/// <summary>
/// <see cref="IOutageEvidenceSource"/> over the Storage reader on the Collector's store (the one the alert email's
/// context uses, <c>Alerter:CollectorDatabase</c>): the servers' <c>up</c> and the backends' <c>active_servers</c>
/// over the last <see cref="Lookback"/>, one-second buckets (samples are at least a second apart, so a bucket is one
/// sample), judged by the pure <see cref="OutageSamples"/>. Bounded by <see cref="Timeout"/>: a slow or broken store
/// means no evidence (the log alone decides), never a stalled dispatch.
/// </summary>
public sealed partial class StoreOutageEvidence(IStorageReader reader, TimeProvider time, ILogger<StoreOutageEvidence> logger) : IOutageEvidenceSource
{
    /// <summary>A broken store is read at every dispatch run while an outage is held: say so once a minute, not every second.</summary>
    public static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private long _lastWarning = long.MinValue;

    /// <summary>How far back samples are read: the newest two within it count.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    public async Task<OutageEvidence> ReadAsync(IReadOnlyList<PolicyEvent> outages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var servers = outages.Where(e => e.Kind == LogEventKind.ServerDown).Select(e => e.ServerKey).OfType<ServerKey>()
            .Distinct().Take(StorageLimits.MaxSeries).ToList();
        var backends = outages.Select(e => new BackendKey(e.Host, e.Proxy)).Distinct().Take(StorageLimits.MaxSeries).ToList();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Timeout);
        try
        {
            var down = await ReadOutagesAsync(servers, s => new SeriesId(Measurements.Server, s.Host, s.Proxy, s.Server), ProxyFields.Up, now, bound.Token).ConfigureAwait(false);
            var empty = await ReadOutagesAsync(backends, b => new SeriesId(Measurements.Backend, b.Host, b.Proxy), ProxyFields.ActiveServers, now, bound.Token).ConfigureAwait(false);
            return down.Count + empty.Count == 0 ? OutageEvidence.None : new OutageEvidence(down, empty);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var nowTicks = time.GetUtcNow().UtcTicks;
            if (_lastWarning == long.MinValue || nowTicks - _lastWarning >= WarningInterval.Ticks)
            {
                _lastWarning = nowTicks;
                LogUnavailable(ex.GetType().Name, ex.Message);
            }
            return OutageEvidence.None;
        }
    }

    private async Task<HashSet<T>> ReadOutagesAsync<T>(List<T> keys, Func<T, SeriesId> series, string field, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var confirmed = new HashSet<T>();
        if (keys.Count == 0)
        {
            return confirmed;
        }
        var ids = keys.Select(series).ToList();
        var to = now.AddMilliseconds(1); // the range's end is exclusive
        var range = await reader.GetRangeAsync(new RangeQuery(ids, [field], to - Lookback, to, Step), cancellationToken).ConfigureAwait(false);
        var byId = range.Series.ToDictionary(s => s.Series);
        for (var i = 0; i < keys.Count; i++)
        {
            if (byId.TryGetValue(ids[i], out var values) && values.Avg.TryGetValue(field, out var avg) && OutageSamples.ShowOutage(avg))
            {
                confirmed.Add(keys[i]);
            }
        }
        return confirmed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Collector's store could not confirm held outages ({Error}: {Message}); the log alone decides until it can (said at most once a minute)")]
    private partial void LogUnavailable(string error, string message);
}
