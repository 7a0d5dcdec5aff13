using Storage.Influx.Spool;
using Storage.Influx.Writing;
using Storage.Samples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceDefaults.Settings;

namespace Storage.Influx;

public static class InfluxRegistration
{
    /// <summary>The sink is on when <c>{section}:Url</c> is set.</summary>
    public static bool IsEnabled(IConfiguration configuration, string section) =>
        !string.IsNullOrWhiteSpace(configuration[$"{section}:Url"]);

    /// <summary>
    /// Binds <see cref="InfluxOptions"/> to <paramref name="section"/> (validated at start, every message naming that
    /// section) and, when <c>Url</c> is set, registers the InfluxDB sink as an <see cref="ISampleSink"/> plus its
    /// background sender. One implementation for the Collector's samples and the Alerter's events.
    /// </summary>
    /// <param name="interval">How often one series is sampled, when the caller has a poll loop (checked against the precision).</param>
    public static IServiceCollection AddInfluxSink(this IServiceCollection services, IConfiguration configuration, string section,
        Func<IServiceProvider, TimeSpan?>? interval = null)
    {
        services.AddOptions<InfluxOptions>().BindSettings(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InfluxOptions>>(sp => new InfluxOptionsValidator(section, interval?.Invoke(sp)));
        if (!IsEnabled(configuration, section))
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
            try
            {
                return new InfluxSinkState(new InfluxSpool(options.SpoolDirectory, options.SpoolMaxBytes, options.SpoolSegmentBytes), section);
            }
            catch (SpoolInUseException ex)
            {
                // A setting that clashes with the machine: reported like any failed setting ("Configuration error: ...", exit 2).
                throw new OptionsValidationException(section, typeof(InfluxOptions), [ex.Message]);
            }
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
