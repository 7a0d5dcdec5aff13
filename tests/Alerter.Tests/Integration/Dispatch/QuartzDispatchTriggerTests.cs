using Alerter.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using TestSupport;

namespace Alerter.Tests.Integration.Dispatch;

/// <summary>
/// <see cref="QuartzDispatchTrigger"/> on a real Quartz 4.7.3 scheduler with the SQLite job store the Alerter uses,
/// and a stand-in job under <see cref="DispatchJob.Key"/> (also <c>[DisallowConcurrentExecution]</c>) that waits on a gate.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QuartzDispatchTriggerTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("qdt");
    private readonly GatedRuns _runs = new();
    private ServiceProvider _services = null!;
    private IScheduler _scheduler = null!;
    private QuartzDispatchTrigger _trigger = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_runs);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "qdt-" + Guid.NewGuid().ToString("N"));
            q.UsePersistentStore(s =>
            {
                s.UseSqlite($"Data Source={_dir.Combine("quartz.db")};Cache=Shared;Default Timeout=30");
                s.ProvisionSchema();
            });
            q.AddJob<GatedJob>(j => j.WithIdentity(DispatchJob.Key).StoreDurably());
        });
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<ISchedulerFactory>();
        _scheduler = await factory.GetScheduler();
        await _scheduler.Start();
        _trigger = new QuartzDispatchTrigger(factory, NullLogger<QuartzDispatchTrigger>.Instance);
    }

    public async Task DisposeAsync()
    {
        _runs.Gate.Release(100);
        await _scheduler.Shutdown(waitForJobsToComplete: true);
        await _services.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task RunNowAsync_CalledRepeatedlyWhileTheJobRuns_QueuesExactlyOneMoreRun()
    {
        await _trigger.RunNowAsync(CancellationToken.None);
        await WaitUntil(() => Task.FromResult(_runs.Started == 1), "the first run to start");

        for (var i = 0; i < 5; i++)
        {
            await _trigger.RunNowAsync(CancellationToken.None);
        }
        _runs.Gate.Release(100);

        // Settled: no run in progress and no "now" trigger left to fire; from here nothing can start another run.
        await WaitUntil(async () => _runs.Ended == _runs.Started && _runs.Started >= 2
            && await _scheduler.GetTrigger(QuartzDispatchTrigger.NowKey) is null, "the queued run to finish");
        _runs.Started.ShouldBe(2);
    }

    [Fact]
    public async Task RunAtAsync_EarlierAndLaterRequests_KeepsTheEarliest()
    {
        var at = DateTimeOffset.UtcNow.AddHours(1);
        await _trigger.RunAtAsync(at.AddSeconds(5), CancellationToken.None);
        await _trigger.RunAtAsync(at, CancellationToken.None);
        await _trigger.RunAtAsync(at.AddSeconds(10), CancellationToken.None);

        var stored = await _scheduler.GetTrigger(QuartzDispatchTrigger.ReleaseKey);
        stored.ShouldNotBeNull().JobKey.ShouldBe(DispatchJob.Key);
        stored.NextFireTimeUtc.ShouldBe(at);
        _runs.Started.ShouldBe(0);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    public sealed class GatedRuns
    {
        private int _started;
        private int _ended;
        public SemaphoreSlim Gate { get; } = new(0);
        public int Started => Volatile.Read(ref _started);
        public int Ended => Volatile.Read(ref _ended);
        public void Start() => Interlocked.Increment(ref _started);
        public void End() => Interlocked.Increment(ref _ended);
    }

    /// <summary>The first run waits for the gate, so requests arrive while it runs.</summary>
    [DisallowConcurrentExecution]
    public sealed class GatedJob(GatedRuns runs) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            runs.Start();
            try
            {
                await runs.Gate.WaitAsync(cancellationToken);
            }
            finally
            {
                runs.End();
            }
        }
    }
}
