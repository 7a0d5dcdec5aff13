using Storage.Influx;

namespace Dashboard.Web.Hosting;

/// <summary>
/// <c>Dashboard:*</c>: what <c>dashboard web</c> reads and where it listens. Set in appsettings.json, as
/// <c>MONITORING__Dashboard__Key</c> environment variables, or by the <c>web</c> command's options.
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// Default listen address: loopback only, so nothing is exposed until a credential is configured. Port 18190 lies
    /// outside the demo's ports (run.sh and proxy/ use PROXY_PORT_BASE 18080 to +29; 18090 was its first backend).
    /// </summary>
    public const string DefaultUrls = "http://127.0.0.1:18190";

    /// <summary>The Collector's <c>collector.db</c>. A missing file reads as an empty store. Default <c>collector.db</c>.</summary>
    public string CollectorDatabase { get; set; } = "collector.db";

    /// <summary>The Alerter's <c>alerter.db</c> (events, log scans, outbox); null when this node has none.</summary>
    public string? AlerterDatabase { get; set; }

    /// <summary>Listen URLs, separated by <c>;</c>. Default <see cref="DefaultUrls"/>.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>The Collector's poll interval (its <c>Collector:Interval</c>): a node whose newest sample is older than three of these is shown as stale. Default 10 s.</summary>
    public TimeSpan CollectorInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the one shared live poller reads the store for the event stream. Default 1 s.</summary>
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Alerter's log scan interval (its <c>Alerter:Logs:Interval</c>): a log scan with no news for three of these is shown as stale. Default 5 s.</summary>
    public TimeSpan LogScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Alerter's delivery interval (its <c>Alerter:Delivery:DeliveryInterval</c>): a message due for longer than three of these marks the outbox stale. Default 1 s.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Dashboard:Stream:*</c>: caps and the stuck-reader deadline of <c>/api/stream</c>.</summary>
    public StreamOptions Stream { get; set; } = new();

    /// <summary>
    /// Hosts that stopped reporting for good (a renamed node, a retired load balancer): the overview and the live stream
    /// leave them out, so they raise no "no new data" banner; their history stays reachable by URL
    /// (<c>/api/overview?host=..</c>, a server's page, events). Exact host names as stored. Default none.
    /// Set as <c>Dashboard:RetiredHosts:0=lb2</c> or <c>--retired-host lb2</c>.
    /// </summary>
    public string[] RetiredHosts { get; set; } = [];

    /// <summary>Who may read the page when it listens beyond loopback.</summary>
    public WebAuthOptions Auth { get; set; } = new();

    /// <summary>
    /// <c>Dashboard:Influx:*</c>: with <c>Url</c> set the page reads a fleet's central InfluxDB (InfluxQL on /query)
    /// instead of this node's SQLite files: <c>Database</c> (1.x), <c>Username</c>/<c>Password(File)</c> or
    /// <c>Token(File)</c>, <c>Api</c>, <c>Timeout</c>, as the writers' settings.
    /// </summary>
    public InfluxOptions Influx { get; set; } = new();

    /// <summary>A node is stale when its newest sample is older than this: three Collector intervals.</summary>
    public TimeSpan StaleAfter => CollectorInterval * 3;
}
