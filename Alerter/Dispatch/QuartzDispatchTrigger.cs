using Microsoft.Extensions.Logging;
using Quartz;

namespace Alerter.Dispatch;

/// <summary>
/// <see cref="IDispatchTrigger"/> on Quartz: two one-shot triggers with fixed names, stored with
/// <see cref="IScheduler.ScheduleTrigger"/> and a <see cref="TriggerConflict"/>, decided under the store's lock (also
/// across a cluster). Not <c>TriggerJob</c>: in Quartz 4.7.3 every call stores a new <c>MT_</c> trigger, so N calls
/// while the (non-concurrent) job runs would queue N runs.
/// <list type="bullet">
/// <item>"now" with <see cref="TriggerConflict.Keep"/>: a run not yet started is kept, so however many stores happen
/// before it starts, one run follows; a trigger whose firing has begun is not pending, so a store during a run
/// queues exactly one more run (blocked until the current one ends: the job is <c>[DisallowConcurrentExecution]</c>).</item>
/// <item>"release" with <see cref="TriggerConflict.KeepEarlier"/>: the earliest due time asked for wins.</item>
/// </list>
/// </summary>
public sealed partial class QuartzDispatchTrigger(ISchedulerFactory schedulers, ILogger<QuartzDispatchTrigger> logger) : IDispatchTrigger
{
    public static readonly TriggerKey NowKey = new("alert-dispatch-now", DispatchJob.Key.Group);
    public static readonly TriggerKey ReleaseKey = new("alert-dispatch-release", DispatchJob.Key.Group);

    public Task RunNowAsync(CancellationToken cancellationToken) => ScheduleAsync(NowKey, null, TriggerConflict.Keep, cancellationToken);

    public Task RunAtAsync(DateTimeOffset at, CancellationToken cancellationToken) => ScheduleAsync(ReleaseKey, at, TriggerConflict.KeepEarlier, cancellationToken);

    private async Task ScheduleAsync(TriggerKey key, DateTimeOffset? at, TriggerConflict onConflict, CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            if (scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
            {
                return;
            }
            await StoreAsync(scheduler, key, at, onConflict, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, key.Name);
        }
    }

    private static async Task StoreAsync(IScheduler scheduler, TriggerKey key, DateTimeOffset? at, TriggerConflict onConflict, CancellationToken cancellationToken)
    {
        var builder = TriggerBuilder.Create().WithIdentity(key).ForJob(DispatchJob.Key)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        var trigger = (at is { } when ? builder.StartAt(when) : builder.StartNow()).Build();
        await scheduler.ScheduleTrigger(trigger, onConflict, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule the {Trigger} run of the dispatch job; its fixed schedule still runs it")]
    private partial void LogFailed(Exception exception, string trigger);
}
