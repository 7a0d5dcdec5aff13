namespace Storage.Influx;

/// <summary>
/// An InfluxDB sink's settings (the Collector reads them from <c>Collector:Influx</c>, the Alerter from <c>Alerter:Influx</c>). The sink is enabled when <see cref="Url"/> is set.
/// Secrets (<see cref="Password"/>, <see cref="Token"/>) come from the environment
/// (<c>MONITORING__Collector__Influx__Token</c>) or a file (<see cref="TokenFile"/>), never from a committed file,
/// and are never logged.
/// </summary>
public sealed class InfluxOptions
{
    /// <summary>Base URL of the server, e.g. <c>http://127.0.0.1:8086</c>. Empty (default) disables the sink.</summary>
    public string? Url { get; set; }

    /// <summary>Write API: <c>V1</c> (default) or <c>V2</c>.</summary>
    public InfluxApiVersion Api { get; set; } = InfluxApiVersion.V1;

    /// <summary>V1: database (<c>db</c>). Required for V1.</summary>
    public string? Database { get; set; }

    /// <summary>V1: retention policy (<c>rp</c>); empty means the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>V1: user name, sent with HTTP basic authentication. Empty: no authentication.</summary>
    public string? Username { get; set; }

    /// <summary>V1: password (prefer the environment or <see cref="PasswordFile"/>).</summary>
    public string? Password { get; set; }

    /// <summary>V1: a file whose content (trimmed) is the password.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>V2: organisation (<c>org</c>). Required for V2.</summary>
    public string? Org { get; set; }

    /// <summary>V2: bucket. Required for V2.</summary>
    public string? Bucket { get; set; }

    /// <summary>V2: API token (prefer the environment or <see cref="TokenFile"/>). Required for V2 (one of the two).</summary>
    public string? Token { get; set; }

    /// <summary>V2: a file whose content (trimmed) is the token.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Timestamp precision. Default <c>Seconds</c>: samples are taken on whole poll intervals (1 s or more).</summary>
    public InfluxPrecision Precision { get; set; } = InfluxPrecision.Seconds;

    /// <summary>Most points per HTTP request (and per spool record). Default 5,000; 1 to 100,000.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Gzip request bodies (<c>Content-Encoding: gzip</c>) and spool records. Default true.</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>Timeout of one write request. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after a failed write; doubled up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries while InfluxDB is unavailable. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Directory of the durable spool. Default <c>influx-spool</c>; a relative path lives in the part's data directory
    /// (the Collector's <c>Collector:Sqlite:DataDirectory</c>, the Alerter's <c>Store:DataDirectory</c>).
    /// </summary>
    public string SpoolDirectory { get; set; } = "influx-spool";

    /// <summary>Spool bound in bytes; when exceeded the oldest points are dropped (counted, logged). Default 512 MiB.</summary>
    public long SpoolMaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Size at which a spool segment file is closed and a new one started. Default 16 MiB.</summary>
    public long SpoolSegmentBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>V1: create <see cref="Database"/> (<c>CREATE DATABASE</c>) when the server says it does not exist. Default true.</summary>
    public bool CreateDatabase { get; set; } = true;
}
