using Collector.Influx.Spool;
using Collector.Influx.Writing;
using Collector.Samples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Collector.Influx;

public static class InfluxRegistration
{
    /// <summary>
    /// Binds <see cref="InfluxOptions"/> to <c>Collector:Influx</c> (validated at start, with the poll interval) and,
    /// when <c>Url</c> is set, registers the InfluxDB sink as an <see cref="ISampleSink"/> plus its background sender.
    /// </summary>
    public static IServiceCollection AddInfluxSink(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>());
        return services.AddInfluxSink(configuration, InfluxOptions.Section);
    }

    /// <summary>The sink is on when <c>{section}:Url</c> is set.</summary>
    public static bool IsEnabled(IConfiguration configuration, string section) =>
        !string.IsNullOrWhiteSpace(configuration[$"{section}:Url"]);

    /// <summary>
    /// The same sink for another program (the Alerter's events), its settings read from <paramref name="section"/>.
    /// The caller registers the <see cref="IValidateOptions{InfluxOptions}"/> that knows its section.
    /// </summary>
    public static IServiceCollection AddInfluxSink(this IServiceCollection services, IConfiguration configuration, string section)
    {
        services.AddOptions<InfluxOptions>().BindConfiguration(section).ValidateOnStart()
            .PostConfigure(options => options.SettingsSection = section);
        if (!IsEnabled(configuration, section))
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
            return new InfluxSinkState(new InfluxSpool(options.SpoolDirectory, options.SpoolMaxBytes, options.SpoolSegmentBytes));
        });
        services.AddSingleton<IInfluxWriter>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
            return new InfluxHttpWriter(options, InfluxCredentials.From(options));
        });
        services.AddSingleton<InfluxSink>();
        services.AddSingleton<ISampleSink>(sp => sp.GetRequiredService<InfluxSink>());
        services.AddHostedService<InfluxSender>();
        return services;
    }
}
