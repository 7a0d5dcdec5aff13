using Alerter.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Alerter.Scheduling;

/// <summary>
/// Expands the configured sources (globs) and gives every new file its own <see cref="LogScanJob"/>; removes
/// jobs of files no source names any more. Runs at start and then at the scan interval.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class LogDiscoveryJob(IOptionsMonitor<LogScanOptions> options, ILogger<LogDiscoveryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await DiscoverAsync(context.Scheduler, options.CurrentValue, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    internal async Task DiscoverAsync(IScheduler scheduler, LogScanOptions settings, CancellationToken cancellationToken)
    {
        var targets = LogSourceExpander.Expand(settings.Sources);
        var wanted = new HashSet<JobKey>();
        foreach (var target in targets)
        {
            var key = LogJobKeys.ForFile(target.Path);
            wanted.Add(key);
            if (await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            var job = JobBuilder.Create<LogScanJob>()
                .WithIdentity(key)
                .WithDescription(target.Path)
                .UsingJobData(LogScanJob.PathKey, target.Path)
                .UsingJobData(LogScanJob.HostKey, target.Host)
                .UsingJobData(LogScanJob.StartKey, target.Start.ToString())
                .StoreDurably()
                .RequestRecovery()
                .Build();
            var trigger = LogScanSchedule.Build(settings, key, LogJobKeys.TriggerFor(key), target.Path);
            try
            {
                await scheduler.ScheduleJob(job, trigger, default, cancellationToken).ConfigureAwait(false);
                LogScheduled(target.Path, target.Host);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another clustered node scheduled it between Exists and here.
            }
        }
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(LogJobKeys.Group), cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(key))
            {
                continue;
            }
            var detail = await scheduler.GetJobDetail(key, cancellationToken).ConfigureAwait(false);
            var path = detail?.JobDataMap.GetString(LogScanJob.PathKey);
            if (path is null || !LogSourceExpander.IsConfigured(settings.Sources, path))
            {
                await scheduler.DeleteJob(key, cancellationToken).ConfigureAwait(false);
                LogRemoved(path ?? key.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled a scan job for {Path} (host {Host})")]
    private partial void LogScheduled(string path, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the scan job of {Path}: no configured source names it")]
    private partial void LogRemoved(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Log discovery failed; the next run retries")]
    private partial void LogFailed(Exception exception);
}
