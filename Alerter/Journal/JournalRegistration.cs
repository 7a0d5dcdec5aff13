using Alerter.Logs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceDefaults.Settings;

namespace Alerter.Journal;

/// <summary>Registers the journal options and the source choice (every command) and the journal source (the worker).</summary>
public static class JournalRegistration
{
    /// <summary>Options, validation, and <see cref="LogSourceChoice"/>, decided once per process from the configured
    /// file sources and whether Debian's log file exists; with no file source configured and that file present, it
    /// becomes the one file source.</summary>
    public static IServiceCollection AddAlerterJournalOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JournalOptions>().BindSettings(JournalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JournalOptions>, JournalOptionsValidator>();
        services.AddSingleton(provider =>
        {
            var configured = new LogScanOptions();
            configuration.GetSection(LogScanOptions.Section).Bind(configured);
            return LogSourceChoice.Decide(provider.GetRequiredService<IOptions<JournalOptions>>().Value.Use, configured.Sources.Count, File.Exists);
        });
        services.AddOptions<LogScanOptions>().PostConfigure<LogSourceChoice>((logs, choice) =>
        {
            if (choice.DefaultFile is { } file && logs.Sources.Count == 0)
            {
                logs.Sources.Add(new LogSourceOptions { Path = file });
            }
        });
        return services;
    }

    /// <summary>The journal source (it does nothing unless <see cref="LogSourceChoice.Journal"/>).</summary>
    public static IServiceCollection AddAlerterJournal(this IServiceCollection services)
    {
        services.AddHostedService<JournalEventSource>();
        return services;
    }
}
