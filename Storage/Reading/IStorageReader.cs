namespace Storage.Reading;

/// <summary>
/// What the dashboards and the alert e-mail read, from one node's embedded SQLite store or a fleet's central
/// InfluxDB: one interface, two implementations. Every query is bounded (series, points, rows) so a huge range
/// cannot take a process down; readers never block the writers.
/// </summary>
public interface IStorageReader
{
    /// <summary>Every host and its frontends, backends, servers, process and node rows, each with its newest sample.</summary>
    Task<Catalogue> GetCatalogueAsync(CatalogueQuery query, CancellationToken cancellationToken);

    /// <summary>Chosen numeric fields of chosen series between two times at a step: raw samples or 1-minute roll-ups.</summary>
    Task<RangeResult> GetRangeAsync(RangeQuery query, CancellationToken cancellationToken);

    /// <summary>One numeric field of every series of a measurement over a short window, per minute (overview sparklines).</summary>
    Task<IReadOnlyList<Sparkline>> GetSparklinesAsync(SparklineQuery query, CancellationToken cancellationToken);

    /// <summary>State transitions between two times, newest first, filtered, with paging.</summary>
    Task<EventPage> GetEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>The suite's own health: the Collector's last poll per endpoint and sink, the Alerter's scans and outbox.</summary>
    Task<SuiteHealth> GetHealthAsync(CancellationToken cancellationToken);
}
