using Storage.Reading;
using Storage.Schema;

namespace Alerter.Delivery.Context;

/// <summary>
/// The alert email's traffic context read through the Storage reader (the Collector's store on this node): the
/// server's and its backend's last minutes, the values of the newest sample at or before the transition, and the
/// backend's servers as the newest catalogue has them. Registered when <c>Alerter:Context:CollectorDatabase</c> is set.
/// </summary>
public sealed class StoreAlertContextSource(IStorageReader reader) : IAlertContextSource
{
    // Samples are at least a second apart, so a 1-second bucket holds one sample: its value, not an average.
    private static readonly TimeSpan ExactStep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ExactWindow = TimeSpan.FromMinutes(2);

    public async Task<AlertContext?> GetAsync(AlertContextRequest request, CancellationToken cancellationToken)
    {
        var fields = ContextFields.Shown.Select(f => f.Field).ToArray();
        var backendId = new SeriesId(Measurements.Backend, request.Host, request.Proxy);
        SeriesId? serverId = request.Server is null ? null : new SeriesId(Measurements.Server, request.Host, request.Proxy, request.Server);
        SeriesId[] series = serverId is null ? [backendId] : [serverId, backendId];
        var to = request.At.AddMilliseconds(1); // the range's end is exclusive; the sample at the transition counts
        var window = await reader.GetRangeAsync(new RangeQuery(series, fields, request.From, to), cancellationToken).ConfigureAwait(false);
        var exact = await reader.GetRangeAsync(new RangeQuery(series, fields, to - ExactWindow, to, ExactStep), cancellationToken).ConfigureAwait(false);
        var catalogue = await reader.GetCatalogueAsync(new CatalogueQuery(request.Host, [Measurements.Server], TimeSpan.FromMinutes(10)), cancellationToken).ConfigureAwait(false);
        if (window.Series.All(s => s.Avg.Values.All(values => values.All(v => v is null))))
        {
            return null; // nothing stored for this backend around the alert (unknown host, or no Collector)
        }
        var servers = catalogue.Rows
            .Where(r => r.Series.Proxy == request.Proxy && r.Series.Server is not null)
            .OrderBy(r => r.Series.Server, StringComparer.Ordinal)
            .Select(r => new BackendServerState(r.Series.Server!, r.Text(ProxyFields.Status) ?? "?"))
            .ToList();
        var asOf = catalogue.Rows.Where(r => r.Series.Proxy == request.Proxy).Select(r => (DateTimeOffset?)r.Time).Max();
        var backendIndex = serverId is null ? 0 : 1;
        return new AlertContext(
            serverId is null ? null : Context(window, exact, 0, fields),
            Context(window, exact, backendIndex, fields),
            servers,
            asOf);
    }

    private static SeriesContext Context(RangeResult window, RangeResult exact, int index, string[] fields)
    {
        var times = window.TimesUnixMs.Select(DateTimeOffset.FromUnixTimeMilliseconds).ToArray();
        var series = fields.Select(f => new FieldSeries(f, times, window.Series[index].Avg[f])).ToList();
        var atAlert = fields.ToDictionary(f => f, f => exact.Series[index].Avg[f].LastOrDefault(v => v is not null));
        return new SeriesContext(series, atAlert);
    }
}
