using Alerter.Hosting;
using ServiceDefaults;
using ServiceDefaults.Hosting;
using ServiceDefaults.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerter.Commands;

/// <summary>
/// The Generic Host builder every command starts from, with the suite's settings sources in the suite's order
/// (<see cref="SuiteConfiguration"/>: appsettings.json beside the executable, <c>--config</c>, environment
/// <c>MONITORING__Section__Key</c>, <c>--Section:Key=value</c>) and its console log (<see cref="SuiteLogging"/>).
/// </summary>
public static class AlerterHostFactory
{
    public const string EnvironmentPrefix = SuiteConfiguration.EnvironmentPrefix;

    public static HostApplicationBuilder CreateBuilder(IReadOnlyList<string> configurationArgs, FileInfo? configFile, LogLevel minimumLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. configurationArgs],
            ContentRootPath = AppContext.BaseDirectory,
        });
        SuiteConfiguration.Apply(builder, configurationArgs, configFile?.FullName);
        SuiteLogging.Apply(builder);
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        return builder;
    }

    /// <summary>
    /// The unknown-key check, once a command registered what it uses. Every command knows every key of the worker,
    /// so one settings file serves <c>run</c>, <c>status</c>, <c>backfill</c> and <c>test-email</c>. A command that
    /// runs no host writes the warnings (renamed keys) to stderr itself.
    /// </summary>
    public static void CheckSettings(HostApplicationBuilder builder, bool writeWarnings)
    {
        var worker = new ServiceCollection();
        worker.AddAlerterWorker(builder.Configuration);
        var sections = worker.Where(d => d.ImplementationInstance is SettingsSection).Select(d => (SettingsSection)d.ImplementationInstance!);
        var verdict = SettingsCheck.Apply(builder, "the Alerter", sections);
        if (writeWarnings)
        {
            foreach (var warning in verdict.Warnings)
            {
                Console.Error.WriteLine("Warning: " + warning);
            }
        }
    }

    /// <summary>
    /// Runs a command; settings that cannot work end it with <c>Configuration error: ...</c> lines on stderr and exit
    /// code 2 (<see cref="ConfigurationFailure"/>), not with a stack trace.
    /// </summary>
    public static async Task<int> GuardAsync(Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (Exception ex) when (ConfigurationFailure.Describe(ex) is { } failures)
        {
            return ConfigurationFailure.Report(failures, Console.Error);
        }
    }
}
