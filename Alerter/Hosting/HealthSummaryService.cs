using Alerter.Logs;
using Alerter.Scheduling;
using Alerter.Sending.Outbox;
using Alerter.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDefaults;

namespace Alerter.Hosting;

/// <summary>Logs one line of the worker's own numbers every <see cref="LogScanOptions.SummaryInterval"/> (1 min).</summary>
public sealed partial class HealthSummaryService(
    ScanActivity activity,
    SourceProblems problems,
    IServiceProvider services,
    IOptions<LogScanOptions> options,
    TimeProvider time,
    ILogger<HealthSummaryService> logger) : PeriodicService(time)
{
    protected override TimeSpan Interval => options.Value.SummaryInterval;

    protected override Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var scans = activity.Read();
        var outbox = services.GetService<IOutboxStatus>()?.Read();
        LogSummary(scans.Files, scans.Runs, scans.Failures, scans.Bytes, scans.Events, scans.Inserted, scans.Malformed, problems.Count,
            outbox?.Pending, outbox?.Failed, outbox?.LastDelivery);
        return Task.CompletedTask;
    }

    protected override void OnFailed(Exception exception) => LogFailed(exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Health: {Files} files, {Runs} scans ({Failures} failed), {Bytes} bytes, {Events} events ({Inserted} new), {Malformed} skipped lines, {Unreadable} sources unreadable (see their warnings and `alerter status`); outbox {Pending} pending, {Failed} failed, last delivery {LastDelivery}")]
    private partial void LogSummary(int files, long runs, long failures, long bytes, long events, long inserted, long malformed, int unreadable, long? pending, long? failed, DateTimeOffset? lastDelivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health summary failed")]
    private partial void LogFailed(Exception exception);
}
