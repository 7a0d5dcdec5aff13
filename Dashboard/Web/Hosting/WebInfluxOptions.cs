namespace Dashboard.Web.Hosting;

/// <summary>
/// <c>Dashboard:Influx:*</c>: when <see cref="Url"/> is set the page reads a fleet's central InfluxDB through the
/// Storage InfluxQL reader instead of this node's SQLite files.
/// </summary>
public sealed class WebInfluxOptions
{
    /// <summary>InfluxDB base URL, e.g. <c>http://influx:8086</c>. Null: read SQLite.</summary>
    public string? Url { get; set; }

    /// <summary>Database the Collectors write to. Default <c>haproxy</c>.</summary>
    public string Database { get; set; } = "haproxy";
}
