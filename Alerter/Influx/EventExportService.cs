using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerter.Influx;

/// <summary>
/// Runs <see cref="EventExporter"/> every second on this node. Not a Quartz job: the events live in this node's
/// own database, so every node exports its own, clustered or not.
/// </summary>
public sealed partial class EventExportService(EventExporter exporter, TimeProvider time, ILogger<EventExportService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    var exported = await exporter.ExportOnceAsync(stoppingToken).ConfigureAwait(false);
                    if (exported > 0)
                    {
                        LogExported(exported);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A locked database or a full disk under the spool: the rows stay after the cursor for the next try.
                    LogFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handed {Count} events to the InfluxDB sink")]
    private partial void LogExported(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Exporting events to InfluxDB failed; they stay queued and the next run tries again")]
    private partial void LogFailed(Exception exception);
}
