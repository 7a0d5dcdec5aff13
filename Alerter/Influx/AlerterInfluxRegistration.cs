using Alerter.Store;
using Storage.Influx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceDefaults;

namespace Alerter.Influx;

/// <summary>
/// <c>haproxy_event</c> to InfluxDB when <c>Alerter:Influx:Url</c> is set: the Collector's InfluxDB sink (encoder,
/// durable spool, retrying sender; same keys as <c>Collector:Influx</c>) fed by <see cref="EventExportService"/>.
/// </summary>
public static class AlerterInfluxRegistration
{
    public const string Section = "Alerter:Influx";

    public static IServiceCollection AddAlerterInflux(this IServiceCollection services, IConfiguration configuration)
    {
        var store = configuration.GetSection(AlerterStoreOptions.Section).Get<AlerterStoreOptions>() ?? new AlerterStoreOptions();
        // Defaults before the section is bound, so configured values win: microseconds (see EventSampleMapper), and
        // a spool of its own, never the Collector's influx-spool when both share a data directory. A relative spool
        // lives in Store:DataDirectory, never the working directory.
        services.AddOptions<InfluxOptions>().Configure(options =>
        {
            options.Precision = InfluxPrecision.Microseconds;
            options.SpoolDirectory = "alerter-influx-spool";
        });
        services.AddOptions<InfluxOptions>().PostConfigure(options => options.SpoolDirectory = DataPaths.Resolve(store.DataDirectory, options.SpoolDirectory));
        services.AddSingleton<IValidateOptions<InfluxOptions>, EventExportOptionsValidator>();
        services.AddInfluxSink(configuration, Section);
        if (!InfluxRegistration.IsEnabled(configuration, Section))
        {
            return services;
        }
        services.AddSingleton<IAlerterSchema, EventExportSchema>();
        services.AddSingleton<EventExporter>();
        services.AddHostedService<EventExportService>();
        return services;
    }
}
