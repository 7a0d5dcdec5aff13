using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Alerter.Delivery;

/// <summary>
/// Registers everything downstream of <c>haproxy_event</c>: alert policy, outbox, email and SMS channels, and
/// their Quartz jobs. The host composition calls both methods.
/// </summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddAlerterDelivery(this IServiceCollection services, IConfiguration configuration)
        => services; // filled in by the delivery work

    public static void AddAlerterDeliveryJobs(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        // filled in by the delivery work
    }
}
