using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;
using Storage.Reading;
using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>Reads the overview (catalogue, plus 15-minute session-rate sparklines of the proxy rows) through the reader.</summary>
public sealed class OverviewReader(IStorageReader reader, IOptions<WebOptions> options, TimeProvider time)
{
    public static readonly TimeSpan SparklineWindow = TimeSpan.FromMinutes(15);

    private static readonly string[] SparklineMeasurements = [Measurements.Frontend, Measurements.Backend, Measurements.Server];

    /// <summary>
    /// Sparklines are per-minute averages: they change when a minute completes, yet cost more to read than the whole
    /// catalogue (measured: 68 ms against 36 ms for 1,000 servers, bench/README.md). Keep them this long, and never
    /// past the minute they were read in.
    /// </summary>
    public static readonly TimeSpan SparklineCacheFor = TimeSpan.FromSeconds(15);

    private static readonly Dictionary<SeriesId, Sparkline> Empty = [];
    private readonly Lock _gate = new();
    private (string? Host, DateTimeOffset ReadAt, Dictionary<SeriesId, Sparkline> Sparks)? _sparkCache;

    public TimeSpan StaleAfter => options.Value.StaleAfter;

    private async Task<Dictionary<SeriesId, Sparkline>> SparklinesAsync(string? host, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_sparkCache is { } cached && cached.Host == host && now - cached.ReadAt < SparklineCacheFor
                && now.ToUnixTimeMilliseconds() / 60_000 == cached.ReadAt.ToUnixTimeMilliseconds() / 60_000)
            {
                return cached.Sparks;
            }
        }
        var sparks = new Dictionary<SeriesId, Sparkline>();
        var reads = SparklineMeasurements.Select(m =>
            reader.GetSparklinesAsync(new SparklineQuery(m, ProxyFields.SessionRate, now - SparklineWindow, now, host), cancellationToken));
        foreach (var list in await Task.WhenAll(reads))
        {
            foreach (var spark in list)
            {
                sparks[spark.Series] = spark;
            }
        }
        lock (_gate)
        {
            _sparkCache = (host, now, sparks);
        }
        return sparks;
    }

    public async Task<OverviewResponse> ReadAsync(string? host, bool sparklines, CancellationToken cancellationToken)
    {
        var catalogue = await reader.GetCatalogueAsync(new CatalogueQuery(host), cancellationToken);
        var sparks = sparklines ? await SparklinesAsync(host, cancellationToken) : Empty;
        var staleAfter = StaleAfter;
        // A retired host is left out of the every-host overview (and so of the stream and the stale banner), but
        // still answered when asked for by name.
        var retired = new RetiredHosts(options.Value.RetiredHosts);
        var rows = catalogue.Rows
            .Where(sample => !retired.Hides(sample.Series.Host, host))
            .Select(sample => OverviewRows.From(sample, catalogue.ReadAt, staleAfter, sparks.GetValueOrDefault(sample.Series)))
            .ToList();
        return new OverviewResponse(catalogue.ReadAt.ToUnixTimeMilliseconds(), (long)options.Value.CollectorInterval.TotalMilliseconds,
            (long)staleAfter.TotalMilliseconds, OverviewRows.Hosts(rows, catalogue.ReadAt, staleAfter), rows);
    }
}
