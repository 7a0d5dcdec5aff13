using Alerter.Logs;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Alerter.Scheduling;

/// <summary>Scans one log file (path, host and start position in the job data). One at a time per file.</summary>
[DisallowConcurrentExecution]
public sealed partial class LogScanJob(LogFileScanner scanner, ScanActivity activity, ILogger<LogScanJob> logger) : IJob
{
    public const string PathKey = "path";
    public const string HostKey = "host";
    public const string StartKey = "start";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var target = new LogFileTarget(
            data.GetString(PathKey) ?? throw new JobExecutionException("log-scan job without a path"),
            data.GetString(HostKey) ?? Environment.MachineName,
            Enum.TryParse<StartPosition>(data.GetString(StartKey), out var start) ? start : StartPosition.End);
        try
        {
            var result = await scanner.ScanAsync(target, cancellationToken).ConfigureAwait(false);
            activity.Record(result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // One bad run must not unschedule the job: log, count, and let the next firing try again.
            activity.RecordFailure(target.Path);
            LogFailed(ex, target.Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scan of {Path} failed; the next run retries from the last checkpoint")]
    private partial void LogFailed(Exception exception, string path);
}
