using Storage.Reading;
using Storage.Schema;

namespace Alerter.Messages.Context;

/// <summary>
/// The alert email's traffic context read through the Storage reader (the Collector's store on this node): the
/// server's and its backend's last minutes, the values of the newest sample at or before the transition, and the
/// backend's servers as the newest catalogue has them, each with its sample's time, or with a transition HAProxy logged
/// after that sample (the alerted server, most often). Registered when <c>Alerter:CollectorDatabase</c> is set.
/// </summary>
public sealed class StoreAlertContextSource(IStorageReader reader) : IAlertContextSource
{
    // Samples are at least a second apart, so a 1-second bucket holds one sample: its value, not an average.
    private static readonly TimeSpan ExactStep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ExactWindow = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CatalogueAge = TimeSpan.FromMinutes(10);

    public async Task<AlertContext?> GetAsync(AlertContextRequest request, CancellationToken cancellationToken)
    {
        var fields = ContextFields.Shown.Select(f => f.Field).ToArray();
        var backendId = new SeriesId(Measurements.Backend, request.Host, request.Proxy);
        SeriesId? serverId = request.Server is null ? null : new SeriesId(Measurements.Server, request.Host, request.Proxy, request.Server);
        SeriesId[] series = serverId is null ? [backendId] : [serverId, backendId];
        var to = request.At.AddMilliseconds(1); // the range's end is exclusive; the sample at the transition counts
        var window = await reader.GetRangeAsync(new RangeQuery(series, fields, request.From, to), cancellationToken).ConfigureAwait(false);
        var exact = await reader.GetRangeAsync(new RangeQuery(series, fields, to - ExactWindow, to, ExactStep), cancellationToken).ConfigureAwait(false);
        var catalogue = await reader.GetCatalogueAsync(new CatalogueQuery(request.Host, [Measurements.Server], CatalogueAge), cancellationToken).ConfigureAwait(false);
        if (window.Series.All(s => s.Avg.Values.All(values => values.All(v => v is null))))
        {
            return null; // nothing stored for this backend around the alert (unknown host, or no Collector)
        }
        // The Collector's last sample of the server the alert is about was taken before it failed: a transition HAProxy
        // logged after a server's last sample is what that server is in now (shown as from the log, with its time).
        var logged = await LoggedSince(request, catalogue.ReadAt, cancellationToken).ConfigureAwait(false);
        var servers = catalogue.Rows
            .Where(r => r.Series.Proxy == request.Proxy && r.Series.Server is not null)
            .OrderBy(r => r.Series.Server, StringComparer.Ordinal)
            .Select(r => logged.TryGetValue(r.Series.Server!, out var log) && log.At > r.Time
                ? new BackendServerState(r.Series.Server!, log.Status, log.At, FromLog: true)
                : new BackendServerState(r.Series.Server!, r.Text(ProxyFields.Status) ?? "?", r.Time))
            .ToList();
        if (request.Server is { } alerted && servers.All(s => s.Server != alerted) && logged.TryGetValue(alerted, out var only))
        {
            servers.Add(new BackendServerState(alerted, only.Status, only.At, FromLog: true)); // never sampled: the log still says
            servers.Sort((a, b) => string.CompareOrdinal(a.Server, b.Server));
        }
        var asOf = catalogue.Rows.Where(r => r.Series.Proxy == request.Proxy).Select(r => (DateTimeOffset?)r.Time).Max();
        var backendIndex = serverId is null ? 0 : 1;
        return new AlertContext(
            serverId is null ? null : Context(window, exact, 0, fields),
            Context(window, exact, backendIndex, fields),
            servers,
            asOf);
    }

    /// <summary>Each server's newest logged state of the last <see cref="CatalogueAge"/> up to <paramref name="until"/> (at least the alert).</summary>
    private async Task<Dictionary<string, (string Status, DateTimeOffset At)>> LoggedSince(AlertContextRequest request, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        var to = until > request.At ? until : request.At;
        EventPage page;
        try
        {
            page = await reader.GetEventsAsync(new EventQuery(to - CatalogueAge, to, request.Host, request.Proxy, Kinds: LoggedServerState.Kinds,
                Limit: StorageLimits.MaxEvents), cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnreadableException)
        {
            return []; // the table still says when each row was sampled
        }
        var newest = new Dictionary<string, (string, DateTimeOffset)>(StringComparer.Ordinal);
        foreach (var stored in page.Events) // newest first
        {
            if (stored.Server is { } server && !newest.ContainsKey(server) && LoggedServerState.After(stored.Kind, stored.Message) is { } status)
            {
                newest[server] = (status, stored.Time);
            }
        }
        return newest;
    }

    private static SeriesContext Context(RangeResult window, RangeResult exact, int index, string[] fields)
    {
        var times = window.TimesUnixMs.Select(DateTimeOffset.FromUnixTimeMilliseconds).ToArray();
        var series = fields.Select(f => new FieldSeries(f, times, window.Series[index].Avg[f])).ToList();
        var atAlert = fields.ToDictionary(f => f, f => exact.Series[index].Avg[f].LastOrDefault(v => v is not null));
        return new SeriesContext(series, atAlert);
    }
}
