using Collector.Configuration;
using Collector.Polling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Hosting;

/// <summary>
/// Runs a <see cref="PollCycle"/> at every wall-clock multiple of the interval. A cycle that overruns skips
/// the ticks it missed instead of running back to back. Every iteration catches, logs and continues.
/// </summary>
public sealed partial class CollectorWorker(
    PollCycle cycle,
    IOptions<CollectorOptions> options,
    TimeProvider time,
    ILogger<CollectorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        LogStarting(interval.TotalSeconds, options.Value.EffectiveEndpoints.Count);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PollSchedule.WaitUntilAsync(PollSchedule.NextTick(time.GetUtcNow(), interval), time, stoppingToken);
                try
                {
                    await cycle.RunAsync(stoppingToken);
                    if (options.Value.ReleaseMemoryAfterCycle)
                    {
                        // The samples are dead now and the next cycle is seconds away: give their memory back
                        // instead of letting a large gen0 budget keep it committed (see CollectorOptions).
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogCycleFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await cycle.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector polling every {IntervalSeconds} s, {Endpoints} configured endpoint(s)")]
    private partial void LogStarting(double intervalSeconds, int endpoints);

    [LoggerMessage(Level = LogLevel.Error, Message = "A collection cycle failed; polling continues at the next interval")]
    private partial void LogCycleFailed(Exception exception);
}
