namespace Collector.Configuration;

/// <summary>The loopback status endpoint (section <c>Collector:Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Collector:Health";

    /// <summary>Serve <c>http://127.0.0.1:{Port}/health</c> and <c>/status</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Loopback TCP port. Default 9481.</summary>
    public int Port { get; set; } = 9481;

    /// <summary>An endpoint whose last successful poll is older than this many intervals makes /health answer 503. Default 3.</summary>
    public int StaleAfterIntervals { get; set; } = 3;
}
