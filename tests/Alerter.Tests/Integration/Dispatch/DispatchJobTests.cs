using Alerter.Dispatch;
using Alerter.Tests.Integration.Sending;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TestSupport;

namespace Alerter.Tests.Integration.Dispatch;

/// <summary>
/// The real <see cref="DispatchJob"/> run by a real Quartz 4.7.3 scheduler over the delivery side's real SQLite
/// database (<see cref="DeliveryHarness"/>): a group the policy holds for grouping asks the dispatch trigger
/// (<see cref="IDispatchTrigger"/>, here <see cref="QuartzDispatchTrigger"/>) for a run at the moment it is due.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DispatchJobTests : IAsyncLifetime
{
    private const string Down = "Server be/srv3 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _dir = new("djob");
    private DeliveryHarness _harness = null!;
    private IScheduler _scheduler = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerter:Policy:GroupSettle"] = Settle.ToString(),
            ["Alerter:Policy:GroupWindow"] = "01:00:00",
            ["Alerter:Policy:Routes:0:Email:0"] = "noc@example.net",
        };
        _harness = new DeliveryHarness(_dir.Path, settings, services =>
        {
            services.AddSingleton<IDispatchTrigger, QuartzDispatchTrigger>();
            services.AddTransient<DispatchJob>();
            services.AddQuartz(q =>
            {
                q.ConfigureScheduler(o => o.InstanceName = "djob-" + Guid.NewGuid().ToString("N"));
                q.AddJob<DispatchJob>(j => j.WithIdentity(DispatchJob.Key).StoreDurably());
            });
        });
        _scheduler = await _harness.Get<ISchedulerFactory>().GetScheduler();
        await _scheduler.Start();
    }

    public async Task DisposeAsync()
    {
        await _scheduler.Shutdown(waitForJobsToComplete: true);
        _harness.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Execute_GroupHeldForGrouping_AsksTheTriggerForARunWhenTheGroupIsDue()
    {
        var t = DateTimeOffset.UtcNow.AddSeconds(-1);
        _harness.InsertLines(DeliveryHarness.Line(t, 129, Down)).ShouldBe(1);
        var eventTime = DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds()); // the line has ms

        await _scheduler.TriggerJob(DispatchJob.Key);

        ITrigger? release = null;
        await Poll.UntilAsync(async () => (release = await _scheduler.GetTrigger(QuartzDispatchTrigger.ReleaseKey)) is not null,
            TimeSpan.FromSeconds(60), () => "no release run was scheduled");
        release!.JobKey.ShouldBe(DispatchJob.Key);
        // EventGrouper.ReleaseAt: the last event + GroupSettle + 1 tick; the job adds its slack for Quartz firing early.
        var due = eventTime + Settle + TimeSpan.FromTicks(1) + DispatchJob.ReleaseSlack;
        release.NextFireTimeUtc.ShouldNotBeNull().ShouldBe(due, TimeSpan.FromMilliseconds(1));
    }
}
