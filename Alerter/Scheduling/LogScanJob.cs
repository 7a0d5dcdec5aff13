using Alerter.Dispatch;
using Alerter.Logs;
using Alerter.Sources;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Alerter.Scheduling;

/// <summary>Scans one log file (path, host and start position in the job data). One at a time per file.</summary>
[DisallowConcurrentExecution]
public sealed partial class LogScanJob(LogFileScanner scanner, ScanActivity activity, IDispatchTrigger dispatch, SourceProblems problems, ILogger<LogScanJob> logger) : IJob
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
            // A scan waits when the file is not there for it, also when it cannot be opened: say which, and what to do.
            problems.Report(target.Path, target.Host, result.Action == ScanAction.Wait ? SourceAccessProbe.CheckFile(target.Path) : null);
            if (result.Inserted > 0)
            {
                // The scan committed new events: dispatch them now rather than at the dispatch job's next fixed run.
                await dispatch.RunNowAsync(cancellationToken).ConfigureAwait(false);
            }
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var scheduled = await ScheduledFireTimeAsync(context, cancellationToken).ConfigureAwait(false);
                LogFiringDone(context.JobDetail.Key.Name, scheduled, context.Scheduler.SchedulerInstanceId, context.Recovering, target.Path);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (UnauthorizedAccessException)
        {
            // Readable when looked at, denied when opened (a rotated copy, or a mode changed in between).
            activity.RecordFailure(target.Path);
            problems.Report(target.Path, target.Host, SourceAccessProbe.CheckFile(target.Path) ?? $"cannot read the log file {target.Path} or one of its rotated copies: permission denied.");
        }
        catch (Exception ex)
        {
            // One bad run must not unschedule the job: log, count, and let the next firing try again.
            activity.RecordFailure(target.Path);
            LogFailed(ex, target.Path);
        }
    }

    /// <summary>
    /// The firing this run stands for: its own scheduled time, or for a recovery run (the node that ran it died)
    /// the scheduled time of the firing it replays (<see cref="RecoveredFiring"/>). One line per firing in the Debug
    /// log lets an operator (and the cluster test) check that every firing ran once, and on which node.
    /// </summary>
    private static async Task<DateTimeOffset> ScheduledFireTimeAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var own = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var data = context.MergedJobDataMap;
        if (!context.Recovering
            || !data.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var text)
            || RecoveredFiring.ParseOriginal(text) is not { } original)
        {
            return own;
        }
        ISimpleTrigger? trigger = null;
        if (data.GetString(SchedulerConstants.FailedJobOriginalTriggerName) is { } name
            && data.GetString(SchedulerConstants.FailedJobOriginalTriggerGroup) is { } group)
        {
            try
            {
                trigger = await context.Scheduler.GetTrigger(new TriggerKey(name, group), cancellationToken).ConfigureAwait(false) as ISimpleTrigger;
            }
            catch (SchedulerException)
            {
                // The job store is unreachable for a moment: the second Quartz kept is still right.
            }
        }
        return RecoveredFiring.Reconstruct(original, own, trigger?.StartTimeUtc, trigger?.RepeatInterval);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Firing done: job {Job} scheduled {ScheduledUtc:O} node {Node} recovering {Recovering} ({Path})")]
    private partial void LogFiringDone(string job, DateTimeOffset scheduledUtc, string node, bool recovering, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scan of {Path} failed; the next run retries from the last checkpoint")]
    private partial void LogFailed(Exception exception, string path);
}
