using Collector.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Sqlite;

/// <summary>Prunes expired samples and roll-ups and measures the database, every MaintenanceInterval.</summary>
public sealed partial class SqliteMaintenanceService(
    SqliteSampleSink sink,
    IOptions<SqliteStoreOptions> options,
    TimeProvider time,
    ILogger<SqliteMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var deleted = await Task.Run(sink.Maintain, stoppingToken);
                    LogPruned(deleted, sink.GetMetrics()[0].Value);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store pruned {Rows} expired rows; size {Bytes} bytes")]
    private partial void LogPruned(long rows, double bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded store maintenance failed; it runs again next interval")]
    private partial void LogFailed(Exception exception);
}
