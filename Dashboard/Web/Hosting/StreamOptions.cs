namespace Dashboard.Web.Hosting;

/// <summary><c>Dashboard:Stream:*</c>: limits of the event stream, so slow or many readers cannot exhaust the page's memory.</summary>
public sealed class StreamOptions
{
    /// <summary>Open event streams in all; past it a new one gets 503. Default 500.</summary>
    public int MaxStreams { get; set; } = 500;

    /// <summary>Open event streams per client address (behind a reverse proxy: see <c>Dashboard:Auth:TrustedProxies</c>); past it 503. Default 20.</summary>
    public int MaxStreamsPerClient { get; set; } = 20;

    /// <summary>A client whose queue stays full this long is disconnected. Default 10 s.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages queued per client (one per poll and kind); a client this far behind is cut off. Default 64.</summary>
    public int ClientQueue { get; set; } = 64;
}
