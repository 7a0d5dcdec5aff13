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

    public TimeSpan StaleAfter => options.Value.StaleAfter;

    public async Task<OverviewResponse> ReadAsync(string? host, bool sparklines, CancellationToken cancellationToken)
    {
        var catalogue = await reader.GetCatalogueAsync(new CatalogueQuery(host), cancellationToken);
        var sparks = new Dictionary<SeriesId, Sparkline>();
        if (sparklines)
        {
            var to = time.GetUtcNow();
            var reads = SparklineMeasurements.Select(m =>
                reader.GetSparklinesAsync(new SparklineQuery(m, ProxyFields.SessionRate, to - SparklineWindow, to, host), cancellationToken));
            foreach (var list in await Task.WhenAll(reads))
            {
                foreach (var spark in list)
                {
                    sparks[spark.Series] = spark;
                }
            }
        }
        var staleAfter = StaleAfter;
        var rows = catalogue.Rows
            .Select(sample => OverviewRows.From(sample, catalogue.ReadAt, staleAfter, sparks.GetValueOrDefault(sample.Series)))
            .ToList();
        return new OverviewResponse(catalogue.ReadAt.ToUnixTimeMilliseconds(), (long)options.Value.CollectorInterval.TotalMilliseconds,
            (long)staleAfter.TotalMilliseconds, OverviewRows.Hosts(rows, catalogue.ReadAt, staleAfter), rows);
    }
}
