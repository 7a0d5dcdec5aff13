using ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerter.Commands;

/// <summary>
/// The Generic Host builder every command starts from: appsettings.json, an optional <c>--config</c> file,
/// environment (<c>MONITORING__Section__Key</c>) and <c>--Section:Key=value</c> arguments, in that order.
/// </summary>
public static class AlerterHostFactory
{
    public const string EnvironmentPrefix = "MONITORING__";

    public static HostApplicationBuilder CreateBuilder(IReadOnlyList<string> configurationArgs, FileInfo? configFile, LogLevel minimumLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. configurationArgs],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        if (configFile is not null)
        {
            builder.Configuration.AddJsonFile(configFile.FullName, optional: false, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddCommandLine([.. configurationArgs]);
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        return builder;
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
