using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Influx;

/// <summary>Registers the InfluxDB sink when its section is configured.</summary>
public static class InfluxRegistration
{
    /// <summary>Adds the InfluxDB <see cref="Samples.ISampleSink"/> when <c>Collector:Influx</c> is configured.</summary>
    public static IServiceCollection AddInfluxSink(this IServiceCollection services, IConfiguration configuration)
    {
        // filled in by the InfluxDB work
        _ = configuration;
        return services;
    }
}
