using Collector.Configuration;
using Collector.Health;
using Storage.Influx;
using Collector.Node;
using Collector.Polling;
using Storage.Samples;
using Storage.Sqlite;
using Collector.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceDefaults;
using ServiceDefaults.Hosting;
using ServiceDefaults.Settings;

namespace Collector.Hosting;

/// <summary>Composition of the Collector worker.</summary>
public static class CollectorRegistration
{
    /// <summary>Where the Collector's InfluxDB sink reads its settings (<see cref="InfluxOptions"/>).</summary>
    public const string InfluxSection = "Collector:Influx";

    /// <summary>
    /// The <c>collector</c> executable: the suite's settings sources and console log (<see cref="SuiteConfiguration"/>,
    /// <see cref="SuiteLogging"/>), the Collector, then the unknown-key check over everything it binds.
    /// </summary>
    public static IHostApplicationBuilder AddCollectorExecutable(this IHostApplicationBuilder builder, IReadOnlyList<string> settings, string? configFile)
    {
        SuiteConfiguration.Apply(builder, settings, configFile);
        SuiteLogging.Apply(builder);
        builder.AddCollector();
        SettingsCheck.Apply(builder, "the Collector");
        return builder;
    }

    /// <summary>
    /// Adds options (validated at start), polling, the embedded SQLite store (unless disabled), the InfluxDB
    /// sink (when configured), the status endpoint and the worker.
    /// </summary>
    public static IHostApplicationBuilder AddCollector(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CollectorOptions>().BindSettings(CollectorOptions.Section).ValidateOnStart();
        services.AddOptions<SqliteStoreOptions>().BindSettings(SqliteStoreOptions.Section).ValidateOnStart();
        services.AddOptions<HealthOptions>().BindSettings(HealthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CollectorOptions>, CollectorOptionsValidator>();
        services.AddSingleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();

        services.TryAddSingleton<ISocketDirectory, SocketDirectory>();
        services.TryAddSingleton<IStatsConnectionFactory, StatsSessionFactory>();
        services.TryAddSingleton<IProcFiles, ProcFiles>();
        services.AddSingleton<EndpointResolver>();
        services.AddSingleton<NodeSampler>();
        services.AddSingleton<CollectorStatus>();
        services.AddSingleton<PollCycle>();

        var sqlite = builder.Configuration.GetSection(SqliteStoreOptions.Section);
        if (sqlite.GetValue(nameof(SqliteStoreOptions.Enabled), true))
        {
            services.AddSingleton<SqliteSampleSink>();
            services.AddSingleton<ISampleSink>(sp => sp.GetRequiredService<SqliteSampleSink>());
            services.AddHostedService<SqliteMaintenanceService>();
        }
        services.AddInfluxSink(builder.Configuration, InfluxSection,
            sp => sp.GetRequiredService<IOptions<CollectorOptions>>().Value.Interval);
        // A relative spool (the default "influx-spool") lives in the Collector's data directory, not the working directory.
        services.AddOptions<InfluxOptions>().PostConfigure<IOptions<SqliteStoreOptions>>(
            (influx, sqlite) => influx.SpoolDirectory = DataPaths.Resolve(sqlite.Value.DataDirectory, influx.SpoolDirectory));

        services.AddHostedService<CollectorWorker>();
        services.AddHostedService<HealthServer>();
        return builder;
    }
}
