using Alerter.Dispatch;
using Alerter.Messages.Context;
using Alerter.Messages.Email;
using Alerter.Policy;
using Alerter.Sending;
using Alerter.Sending.Email;
using Alerter.Sending.Outbox;
using Alerter.Sending.Sms;
using Alerter.Sending.TestEmail;
using Alerter.Store;
using Storage.Reading;
using Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using ServiceDefaults.Settings;

namespace Alerter.Hosting;

/// <summary>
/// Registers everything downstream of <c>haproxy_event</c>: alert policy, outbox, email and SMS channels, and
/// their Quartz jobs. The host composition calls both methods.
/// </summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddAlerterDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertPolicyOptions>().BindSettings(AlertPolicyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertPolicyOptions>, AlertPolicyOptionsValidator>();
        services.AddOptions<DeliveryOptions>().BindSettings(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddOptions<SmtpOptions>().BindSettings(SmtpOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<AlertEmailOptions>().BindSettings(AlertEmailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertEmailOptions>, AlertEmailOptionsValidator>();
        services.AddOptions<HttpSmsOptions>().BindSettings(HttpSmsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpSmsOptions>, HttpSmsOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlerterSchema, EventSchema>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlerterSchema, OutboxSchema>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlerterSchema, UnconfirmedRows>());
        services.TryAddSingleton<AlerterDatabase>();
        services.TryAddSingleton<IDeliveryDatabase, AlerterDatabaseConnections>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<IOutboxStatus, OutboxStatus>();
        services.AddSingleton<AlertDispatcher>();
        // The traffic context reads the Collector's store through the Storage reader, read-only, when it is configured;
        // without it every email says its traffic context is unavailable.
        if (configuration[$"{AlertEmailOptions.Section}:{nameof(AlertEmailOptions.CollectorDatabase)}"] is { Length: > 0 } collectorDatabase)
        {
            services.AddSingleton<IStorageReader>(sp => new SqliteStorageReader(
                Path.GetFullPath(collectorDatabase), sp.GetRequiredService<AlerterDatabase>().Path, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IAlertContextSource, StoreAlertContextSource>();
            // The same numbers may lift flap suppression of an outage the log reports (never hold an alert back).
            services.AddSingleton<IOutageEvidenceSource, StoreOutageEvidence>();
        }
        services.AddSingleton<AlertContextLoader>();
        services.AddSingleton<AlertMailComposer>();
        services.AddHostedService<AlertEmailWarmUp>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IAlertSender>(sp => sp.GetRequiredService<SmtpEmailSender>());
        services.AddSingleton<IAlertSender>(sp => new HttpSmsSender(sp.GetRequiredService<IOptions<HttpSmsOptions>>()));
        services.AddSingleton<DeliveryRunner>();
        services.AddSingleton<ITestEmailCommand, TestEmailCommand>();
        return services;
    }

    public static void AddAlerterDeliveryJobs(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var options = configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>() ?? new DeliveryOptions();
        quartz.AddJobType<DispatchJob>();
        quartz.AddJobType<DeliveryJob>();
        quartz.AddJob<DispatchJob>(job => job.WithIdentity(DispatchJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(DispatchJob.Key)
            .WithIdentity("alert-dispatch-every", DispatchJob.Key.Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(options.DispatchInterval).RepeatForever()));
        quartz.AddJob<DeliveryJob>(job => job.WithIdentity(DeliveryJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(DeliveryJob.Key)
            .WithIdentity("alert-delivery-every", DeliveryJob.Key.Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(options.DeliveryInterval).RepeatForever()));
    }
}
