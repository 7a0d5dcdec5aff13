using Collector.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDefaults;

namespace Collector.Sqlite;

/// <summary>Prunes expired samples and roll-ups and measures the database, every MaintenanceInterval.</summary>
public sealed partial class SqliteMaintenanceService(
    SqliteSampleSink sink,
    IOptions<SqliteStoreOptions> options,
    TimeProvider time,
    ILogger<SqliteMaintenanceService> logger) : PeriodicService(time)
{
    protected override TimeSpan Interval => options.Value.MaintenanceInterval;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var deleted = await Task.Run(sink.Maintain, stoppingToken);
        LogPruned(deleted, sink.GetMetrics()[0].Value);
    }

    protected override void OnFailed(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store pruned {Rows} expired rows; size {Bytes} bytes")]
    private partial void LogPruned(long rows, double bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded store maintenance failed; it runs again next interval")]
    private partial void LogFailed(Exception exception);
}
