using ServiceDefaults;
using Alerter.Dispatch;
using Alerter.Logs;
using Alerter.Scheduling;
using Alerter.Sending;
using Alerter.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Alerter.Hosting;

/// <summary>
/// Quartz with a persistent store: SQLite (a file beside the alerter database) or clustered PostgreSQL. Jobs
/// declared in code on every node need <c>IgnoreDuplicates</c>, or each starting node overwrites the stored
/// trigger; job types are registered so a restarted process can load stored jobs.
/// </summary>
public static class QuartzRegistration
{
    public static IServiceCollection AddAlerterQuartz(this IServiceCollection services, IConfiguration configuration)
    {
        var store = configuration.GetSection(QuartzStoreOptions.Section).Get<QuartzStoreOptions>() ?? new QuartzStoreOptions();
        var storeOptions = configuration.GetSection(AlerterStoreOptions.Section).Get<AlerterStoreOptions>() ?? new AlerterStoreOptions();
        var logs = configuration.GetSection(LogScanOptions.Section).Get<LogScanOptions>() ?? new LogScanOptions();
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        services.AddSingleton<IDispatchTrigger, QuartzDispatchTrigger>();
        // The delivery jobs are registered with the scheduler they need: DispatchJob asks IDispatchTrigger (Quartz) for
        // its release run, so a host without Quartz (status, backfill, test-email) has neither.
        services.AddTransient<DispatchJob>();
        services.AddTransient<DeliveryJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = store.SchedulerName);
            q.AddJobType<LogScanJob>();
            q.AddJobType<LogDiscoveryJob>();
            q.UsePersistentStore(s =>
            {
                if (store.Provider == QuartzStoreProvider.Postgres)
                {
                    s.UsePostgres(store.ResolveConnectionString() ?? "");
                    if (store.Clustered)
                    {
                        s.UseClustering(c =>
                        {
                            c.CheckinInterval = store.CheckinInterval;
                            c.CheckinMisfireThreshold = store.CheckinMisfireThreshold;
                        });
                    }
                }
                else
                {
                    s.UseSqlite(SqliteConnectionString(store, storeOptions));
                }
                s.ProvisionSchema();
            });
            q.AddJob<LogDiscoveryJob>(j => j.WithIdentity(LogJobKeys.Discovery).StoreDurably().WithDescription("expands Alerter:Logs:Sources into scan jobs"));
            q.AddTrigger(t => t.ForJob(LogJobKeys.Discovery).WithIdentity(LogJobKeys.Discovery.Name, LogJobKeys.Discovery.Group).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(logs.Interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : logs.Interval)
                    .RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddAlerterDeliveryJobs(configuration);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>The SQLite job store's connection string: its own file, so Quartz's locking never waits on event commits.</summary>
    public static string SqliteConnectionString(QuartzStoreOptions store, AlerterStoreOptions alerterStore)
    {
        var file = store.SqliteFile is { Length: > 0 } configured
            ? DataPaths.Resolve(alerterStore.DataDirectory, configured)
            : Path.Combine(Path.GetDirectoryName(alerterStore.DatabasePath)!, Path.GetFileNameWithoutExtension(alerterStore.DatabasePath) + ".quartz.db");
        // Its directory is checked (and created) at start by AlerterStoreOptionsValidator, or for a SqliteFile of its
        // own by QuartzStoreOptionsValidator, before Quartz opens it.
        return $"Data Source={file};Cache=Shared;Default Timeout=30";
    }
}
