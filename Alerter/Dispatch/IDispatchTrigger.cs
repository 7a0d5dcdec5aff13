namespace Alerter.Dispatch;

/// <summary>
/// Asks for a run of <see cref="DispatchJob"/> sooner than its fixed schedule: at once after an event source stored
/// new events, or at the moment a group held for grouping becomes due. Best effort: a failure is logged and the
/// fixed schedule (<see cref="DeliveryOptions.DispatchInterval"/>) still runs the job.
/// </summary>
public interface IDispatchTrigger
{
    /// <summary>New events are stored: run the dispatch job now (one run, however often this is called before it starts).</summary>
    Task RunNowAsync(CancellationToken cancellationToken);

    /// <summary>Run the dispatch job at <paramref name="at"/> (replaces an earlier request of this kind).</summary>
    Task RunAtAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
