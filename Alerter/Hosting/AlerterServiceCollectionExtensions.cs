using Alerter.Influx;
using Alerter.Journal;
using Alerter.Logs;
using Alerter.Policy;
using Alerter.Ring;
using Alerter.Scheduling;
using Alerter.Sending;
using Alerter.Sources;
using Alerter.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDefaults;
using ServiceDefaults.Settings;

namespace Alerter.Hosting;

/// <summary>Registration of the Alerter's parts; <c>Program.cs</c> and the commands only call these.</summary>
public static class AlerterServiceCollectionExtensions
{
    /// <summary>Options, the database and its schemas, the log scanner: what every command needs.</summary>
    public static IServiceCollection AddAlerterCore(this IServiceCollection services, IConfiguration configuration, bool requireSources)
    {
        services.AddOptions<AlerterStoreOptions>().BindSettings(AlerterStoreOptions.Section);
        services.AddOptions<LogScanOptions>().BindSettings(LogScanOptions.Section).ValidateOnStart();
        // The worker needs a source: a file, or the journal when the choice reads it (Alerter:Journal:Use).
        services.AddSingleton<IValidateOptions<LogScanOptions>>(provider => new LogScanOptionsValidator(requireSources && !provider.GetRequiredService<LogSourceChoice>().Journal));
        services.AddAlerterJournalOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IAlerterSchema, EventSchema>();
        services.AddSingleton<IAlerterSchema, CheckpointSchema>();
        services.AddSingleton<IAlerterSchema, JournalCheckpointSchema>();
        services.AddSingleton<IAlerterSchema, SourceProblemSchema>();
        services.AddSingleton<SourceProblems>();
        services.AddSingleton<AlerterDatabase>();
        services.AddSingleton<IFileSystemView, PhysicalFileSystemView>();
        services.AddSingleton<LogFileScanner>();
        services.AddSingleton<LogBackfill>();
        services.AddSingleton<ScanActivity>();
        services.AddAlerterDelivery(configuration);
        return services;
    }

    /// <summary>The worker: core, Quartz (job store from <see cref="QuartzStoreOptions"/>), discovery and scan
    /// jobs, delivery jobs, the optional live ring source, the journal source (when chosen), schema creation at start and the per-minute health line.</summary>
    public static IServiceCollection AddAlerterWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAlerterCore(configuration, requireSources: true);
        services.AddSingleton<IValidateOptions<AlertPolicyOptions>, AlertReachValidator>();
        services.AddOptions<AlerterStoreOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlerterStoreOptions>, AlerterStoreOptionsValidator>();
        services.AddOptions<QuartzStoreOptions>().BindSettings(QuartzStoreOptions.Section).ValidateOnStart()
            // A relative SqliteFile lives in Store:DataDirectory (as QuartzRegistration opens it), never the working directory.
            .PostConfigure<IOptions<AlerterStoreOptions>>((quartz, store) =>
                quartz.SqliteFile = quartz.SqliteFile is { Length: > 0 } file ? DataPaths.Resolve(store.Value.DataDirectory, file) : quartz.SqliteFile);
        services.AddSingleton<IValidateOptions<QuartzStoreOptions>, QuartzStoreOptionsValidator>();
        services.AddHostedService<SchemaStartup>();
        services.AddAlerterQuartz(configuration);
        services.AddAlerterRing(configuration);
        services.AddAlerterJournal();
        services.AddAlerterInflux(configuration);
        services.AddHostedService<HealthSummaryService>();
        return services;
    }
}
