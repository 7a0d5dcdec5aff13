using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ServiceDefaults.Hosting;

/// <summary>
/// The console log of every executable: the host's console logger, so <c>Logging:Console:FormatterName</c>
/// (<c>simple</c>, <c>systemd</c>, <c>json</c>) and <c>Logging:Console:FormatterOptions</c> work as .NET documents
/// them. The simple formatter defaults to one line per entry with the date and time, which settings override.
/// </summary>
public static class SuiteLogging
{
    /// <summary>The simple formatter's default time stamp: date, time to the millisecond, offset.</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff zzz ";

    public static void Apply(IHostApplicationBuilder builder)
    {
        // First in the list, so the host's binding of Logging:Console:FormatterOptions (registered when the host
        // added its console logger) runs after it and an operator's setting wins over these defaults.
        // FormatterName defaults to "simple" by name: left unset, the console logger copies its own obsolete settings
        // (TimestampFormat null, ...) over the simple formatter's options and these defaults would be lost.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<ConsoleLoggerOptions>>(
            new ConfigureOptions<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple)));
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<SimpleConsoleFormatterOptions>>(
            new ConfigureOptions<SimpleConsoleFormatterOptions>(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = TimestampFormat;
            })));
    }
}
