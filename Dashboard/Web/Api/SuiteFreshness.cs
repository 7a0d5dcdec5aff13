using Dashboard.Web.Hosting;
using Storage.Reading;

namespace Dashboard.Web.Api;

/// <summary>
/// Pure: which parts of the suite have gone quiet. Each part is stale after three of its own intervals without
/// news: the Collector's poll of each endpoint (Dashboard:CollectorInterval), each of the Alerter's log scans
/// (Dashboard:LogScanInterval), and the outbox, whose longest-waiting message should be retried every
/// Dashboard:DeliveryInterval. A dead Alerter stops all of its scans' clocks: the strip said "log scan ... ago" in
/// grey for 19 minutes after a kill -9.
/// </summary>
public static class SuiteFreshness
{
    public const string Collector = "collector";
    public const string LogScan = "logScan";
    public const string Outbox = "outbox";

    public static IReadOnlyList<PartFreshness> Assess(SuiteHealth suite, DateTimeOffset now, WebOptions options)
    {
        var parts = new List<PartFreshness>();
        foreach (var endpoint in suite.Endpoints)
        {
            parts.Add(Part(Collector, $"poll {endpoint.Endpoint}", endpoint.Time, options.CollectorInterval * 3, now));
        }
        foreach (var scan in suite.LogScans)
        {
            parts.Add(Part(LogScan, $"log scan {scan.Source}", scan.LastScan, options.LogScanInterval * 3, now));
        }
        if (suite.OutboxDepth is not null)
        {
            // Nothing pending is news enough: an empty outbox has nothing to be late with.
            parts.Add(suite.OutboxOldestDue is { } due
                ? Part(Outbox, "outbox", due, options.DeliveryInterval * 3, now)
                : new PartFreshness(Outbox, "outbox", null, (long)(options.DeliveryInterval * 3).TotalMilliseconds, false));
        }
        return parts;
    }

    private static PartFreshness Part(string kind, string name, DateTimeOffset? last, TimeSpan after, DateTimeOffset now) =>
        new(kind, name, last?.ToUnixTimeMilliseconds(), (long)after.TotalMilliseconds, last is not { } at || now - at > after);
}
