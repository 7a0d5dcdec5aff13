using Alerter.Logs;
using Quartz;

namespace Alerter.Scheduling;

/// <summary>The trigger of a log job: every <see cref="LogScanOptions.Interval"/>, or the cron expression.</summary>
public static class LogScanSchedule
{
    public static ITrigger Build(LogScanOptions options, JobKey job, TriggerKey key, string description)
    {
        var builder = TriggerBuilder.Create().WithIdentity(key).ForJob(job).WithDescription(description).StartNow();
        return string.IsNullOrWhiteSpace(options.Cron)
            ? builder.WithSimpleSchedule(s => s.WithInterval(options.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build()
            : builder.WithCronSchedule(options.Cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build();
    }

    /// <summary>The time between two scans (for cron: between its next two firings), for staleness checks.</summary>
    public static TimeSpan Period(LogScanOptions options, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(options.Cron))
        {
            return options.Interval;
        }
        var cron = new CronExpression(options.Cron);
        var first = cron.GetNextValidTimeAfter(now);
        var second = first is { } f ? cron.GetNextValidTimeAfter(f) : null;
        return first is { } a && second is { } b ? b - a : options.Interval;
    }
}
