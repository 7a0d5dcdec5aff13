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
}
