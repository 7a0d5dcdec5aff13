using Alerter.Sending;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Alerter.Dispatch;

/// <summary>
/// Turns new <c>haproxy_event</c> rows into outbox rows; when it adds rows, starts the delivery job at once. Runs on a
/// fixed schedule, at once when an event source stored events, and, when it leaves a group held for grouping, again
/// at the moment that group becomes due (<see cref="DispatchResult.NextReleaseAt"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DispatchJob(AlertDispatcher dispatcher, IDispatchTrigger trigger, ILogger<DispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-dispatch", "alerter-delivery");

    /// <summary>Added to a group's due time: Quartz may fire up to 2 ms early, and an early run would hold the group again.</summary>
    public static readonly TimeSpan ReleaseSlack = TimeSpan.FromMilliseconds(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var result = await dispatcher.DispatchOnceAsync(cancellationToken);
            if (result.Events > 0 || result.Alerts > 0)
            {
                LogDispatched(result.Events, result.Held, result.Alerts, result.OutboxRows, result.Silenced, result.Suppressed, result.Repeated, result.Confirmed);
            }
            foreach (var alert in result.Unrouted ?? [])
            {
                LogUnrouted(alert);
            }
            if (result.UnknownKinds > 0)
            {
                LogUnknown(result.UnknownKinds);
            }
            if (result.OutboxRows > 0)
            {
                await context.Scheduler.TriggerJob(DeliveryJob.Key, cancellationToken);
            }
            if (result.NextReleaseAt is { } due)
            {
                await trigger.RunAtAsync(due + ReleaseSlack, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatched {Events} events ({Held} held for grouping): {Alerts} alerts, {Rows} outbox rows, {Silenced} silenced, {Suppressed} flap-suppressed, {Repeated} repeated states, {Confirmed} confirmed by the Collector's numbers")]
    private partial void LogDispatched(int events, int held, int alerts, int rows, int silenced, int suppressed, int repeated, int confirmed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Alert} matches no route: nobody receives it. Add a route for its proxy, host and severity (Alerter:Policy:Routes)")]
    private partial void LogUnrouted(string alert);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} events of a kind this build does not know")]
    private partial void LogUnknown(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert dispatch failed; retrying on the next run")]
    private partial void LogFailed(Exception exception);
}
