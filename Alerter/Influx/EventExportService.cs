using ServiceDefaults;
using Microsoft.Extensions.Logging;

namespace Alerter.Influx;

/// <summary>
/// Runs <see cref="EventExporter"/> every second on this node. Not a Quartz job: the events live in this node's
/// own database, so every node exports its own, clustered or not.
/// </summary>
public sealed partial class EventExportService(EventExporter exporter, TimeProvider time, ILogger<EventExportService> logger) : PeriodicService(time)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var exported = await exporter.ExportOnceAsync(stoppingToken).ConfigureAwait(false);
        if (exported > 0)
        {
            LogExported(exported);
        }
    }

    // A locked database or a full disk under the spool: the rows stay after the cursor for the next try.
    protected override void OnFailed(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handed {Count} events to the InfluxDB sink")]
    private partial void LogExported(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exporting events to InfluxDB failed; they stay queued and the next run tries again")]
    private partial void LogFailed(Exception exception);
}
