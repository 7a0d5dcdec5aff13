using Microsoft.Extensions.Time.Testing;
using ServiceDefaults;
using TestSupport;

namespace ServiceDefaults.Tests;

public class PeriodicServiceTests
{
    [Fact]
    public async Task ExecuteAsync_RunsEveryIntervalOnTheInjectedClock_AFailedStepDoesNotEndTheLoop()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T12:00:00Z"));
        using var service = new CountingService(time, runsAtStart: false, failOnRun: 1);

        await service.StartAsync(CancellationToken.None);
        service.Runs.ShouldBe(0, "the first step waits one interval");
        // ExecuteAsync starts on the thread pool: advance the clock an interval at a time until the loop has ticked.
        await Poll.UntilAsync(() => { time.Advance(TimeSpan.FromSeconds(10)); return service.Runs >= 2; }, TimeSpan.FromSeconds(30), "two steps");
        await service.StopAsync(CancellationToken.None);

        service.Failures.Single().Message.ShouldBe("run 1 failed");
        service.ExecuteTask!.IsCompletedSuccessfully.ShouldBeTrue("stopping ends the loop quietly");
    }

    [Fact]
    public async Task ExecuteAsync_RunsAtStart_FirstStepBeforeAnyTick()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T12:00:00Z"));
        using var service = new CountingService(time, runsAtStart: true, failOnRun: 0);

        await service.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => service.Runs == 1, TimeSpan.FromSeconds(30), "the first step, with the clock standing still");
        await service.StopAsync(CancellationToken.None);

        service.Failures.ShouldBeEmpty();
    }

    private sealed class CountingService(TimeProvider time, bool runsAtStart, int failOnRun) : PeriodicService(time)
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public List<Exception> Failures { get; } = [];

        protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

        protected override bool RunsAtStart => runsAtStart;

        protected override Task RunOnceAsync(CancellationToken stoppingToken)
        {
            var run = Interlocked.Increment(ref _runs);
            return run == failOnRun ? Task.FromException(new InvalidOperationException($"run {run} failed")) : Task.CompletedTask;
        }

        protected override void OnFailed(Exception exception)
        {
            lock (Failures)
            {
                Failures.Add(exception);
            }
        }
    }
}
