using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceDefaults.Settings;

namespace Alerter.Ring;

/// <summary>Registers the ring source (it does nothing unless <c>Alerter:Ring:SocketPath</c> is set).</summary>
public static class RingRegistration
{
    public static IServiceCollection AddAlerterRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RingOptions>().BindSettings(RingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RingOptions>, RingOptionsValidator>();
        services.AddHostedService<RingEventSource>();
        return services;
    }
}
