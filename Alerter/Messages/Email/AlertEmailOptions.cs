namespace Alerter.Messages.Email;

/// <summary>What an alert email shows beyond the text. Keys directly under section <c>Alerter</c>.</summary>
public sealed class AlertEmailOptions
{
    public const string Section = "Alerter";

    /// <summary>
    /// Base URL of the web page (e.g. <c>http://noc.example.net:8080</c>). When set, the HTML part links to
    /// <c>{DashboardUrl}/server?host=..&amp;proxy=..&amp;server=..&amp;at=&lt;unix ms&gt;</c>. Empty = no link.
    /// </summary>
    public string? DashboardUrl { get; set; }

    /// <summary>
    /// Longest time an email waits for its traffic context (fetching it and drawing the chart). Past it the email goes
    /// out without, saying so. Default 200 ms; 0 = never fetch context.
    /// </summary>
    public TimeSpan ContextTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The Collector's embedded store on this node (its <c>collector.db</c>), read through the Storage reader for the
    /// traffic context. Empty (default): no context, and every email says so.
    /// </summary>
    public string? CollectorDatabase { get; set; }
}
