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

namespace Collector.Hosting;

/// <summary>Composition of the Collector worker.</summary>
public static class CollectorRegistration
{
    /// <summary>Where the Collector's InfluxDB sink reads its settings (<see cref="InfluxOptions"/>).</summary>
    public const string InfluxSection = "Collector:Influx";

    /// <summary>
    /// Adds options (validated at start), polling, the embedded SQLite store (unless disabled), the InfluxDB
    /// sink (when configured), the status endpoint and the worker. Environment variables prefixed
    /// <c>MONITORING__</c> override settings (<c>MONITORING__Collector__Interval=00:00:05</c>).
    /// </summary>
    public static IHostApplicationBuilder AddCollector(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddEnvironmentVariables("MONITORING__");
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CollectorOptions>().BindConfiguration(CollectorOptions.Section).ValidateOnStart();
        services.AddOptions<SqliteStoreOptions>().BindConfiguration(SqliteStoreOptions.Section).ValidateOnStart();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
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

        services.AddHostedService<CollectorWorker>();
        services.AddHostedService<HealthServer>();
        return builder;
    }
}
