using System.Globalization;
using System.Text;

namespace Alerter.Commands;

/// <summary>Renders a <see cref="StatusReport"/> as plain text (pure, so tests compare text).</summary>
public static class StatusRenderer
{
    public static string Render(StatusReport report)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Alerter database: {report.DatabasePath}");
        text.AppendLine(c, $"Scan period: {report.Period.TotalSeconds:0.###} s (stale after {StatusReport.StalePeriods} periods)");
        if (report.Files.Count == 0 && report.JournalSources.Count == 0)
        {
            text.AppendLine("No log file has been scanned yet and none is configured.");
        }
        foreach (var file in report.Files)
        {
            var state = file.Problem is not null ? "UNREADABLE" : report.IsStale(file) ? "STALE" : "ok";
            var last = file.LastScan is { } scanned
                ? $"{scanned.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z ({Age(report.Now - scanned)} ago)"
                : "never";
            text.AppendLine(c, $"[{state}] {file.Path}{(file.Host is null ? "" : $" (host {file.Host})")}");
            text.AppendLine(c, $"    last scan {last}; offset {file.Offset} of {file.FileSize} bytes; inode {file.Inode} on device {file.Device}");
            text.AppendLine(c, $"    events {file.Events} ({file.Inserted} new); malformed {file.Malformed}, overlong {file.Overlong}, invalid UTF-8 {file.InvalidUtf8}; rotations {file.Rotations}; last action {file.LastAction ?? "-"}");
            if (file.LastEvent is { } lastEvent)
            {
                text.AppendLine(c, $"    last event at {lastEvent.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
            }
            if (file.Problem is { } problem)
            {
                text.AppendLine(c, $"    problem: {problem}");
            }
        }
        foreach (var journal in report.JournalSources)
        {
            var state = journal.Problem is not null ? "UNREADABLE" : report.IsStale(journal) ? "STALE" : "ok";
            var last = journal.LastScan is { } read
                ? $"{read.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z ({Age(report.Now - read)} ago)"
                : "never";
            text.AppendLine(c, $"[{state}] {journal.Source}{(journal.Host is null ? "" : $" (host {journal.Host})")}");
            text.AppendLine(c, $"    last read {last}; {journal.Entries} entries; cursor {journal.Cursor ?? "none yet"}");
            text.AppendLine(c, $"    events {journal.Events} ({journal.Inserted} new); malformed {journal.Malformed}, invalid UTF-8 {journal.InvalidUtf8}");
            if (journal.LastEvent is { } lastEntry)
            {
                text.AppendLine(c, $"    last entry at {lastEntry.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
            }
            if (journal.Problem is { } problem)
            {
                text.AppendLine(c, $"    problem: {problem}");
            }
        }
        if (report.Outbox is { } outbox)
        {
            var delivery = outbox.LastDelivery is { } at ? $"{at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z to {outbox.LastDeliveryTo ?? "?"}" : "none yet";
            text.AppendLine(c, $"Outbox: {outbox.Pending} pending, {outbox.Failed} failed; last delivery {delivery}");
            if (!string.IsNullOrEmpty(outbox.LastError))
            {
                text.AppendLine(c, $"    last error: {outbox.LastError}");
            }
            if (outbox.Unrouted > 0)
            {
                text.AppendLine(c, $"    {outbox.Unrouted} alert(s) matched no route and reached nobody (last: {outbox.LastUnrouted}); check Alerter:Policy:Routes");
            }
        }
        else
        {
            text.AppendLine("Outbox: not available in this build");
        }
        if (report.Influx is { } influx)
        {
            text.AppendLine(c, $"InfluxDB export: through event {influx.LastExportedId}; {influx.Waiting} events after it (not dispatched yet or next run)");
        }
        return text.ToString();
    }

    private static string Age(TimeSpan age)
        => age < TimeSpan.Zero ? "0 s"
            : age.TotalSeconds < 120 ? $"{age.TotalSeconds:0} s"
            : age.TotalMinutes < 120 ? $"{age.TotalMinutes:0} min"
            : $"{age.TotalHours:0.#} h";
}
