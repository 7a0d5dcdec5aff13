using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceDefaults.Settings;

namespace ServiceDefaults;

/// <summary>
/// Settings that cannot work, told as lines a person can act on (<c>Configuration error: ...</c>, exit code 2),
/// instead of the Host's "Hosting failed to start" log entry and an unhandled exception's stack trace. Used by the
/// Collector's and the Alerter's entry points.
/// </summary>
public static class ConfigurationFailure
{
    /// <summary>
    /// Before the host starts: runs every <c>ValidateOnStart</c> check (and the binding behind it), then constructs the
    /// hosted services, which opens what they hold (the InfluxDB spool's lock). A bad or clashing setting then throws
    /// here, where the caller describes it, and the Host never logs it as a start-up crash. The hosted services are
    /// singletons, so the Host starts these same instances.
    /// </summary>
    public static void CheckBeforeStart(IServiceProvider services)
    {
        // Unknown settings were refused when the builder was checked (SettingsCheck.Apply), before anything bound.
        services.GetService<IStartupValidator>()?.Validate();
        _ = services.GetServices<IHostedService>().ToList();
    }

    /// <summary>
    /// The lines to show for an exception that means "the configuration is wrong": the validators' failures (also a
    /// setting that clashes with the machine, such as a spool another process holds), a settings file that is not valid JSON, or the binder's "Failed to
    /// convert configuration value 'x' at 'Section:Key' to type ..." (it names the key and the value). Null for every
    /// other exception, which is a bug or an outage and keeps its stack trace.
    /// </summary>
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                return validation.Failures.ToList();
            case AggregateException aggregate:
                var parts = aggregate.Flatten().InnerExceptions.Select(Describe).ToList();
                return parts.Count > 0 && parts.All(p => p is not null) ? parts.SelectMany(p => p!).Distinct().ToList() : null;
            case SettingsException settings:
                return settings.Problems;
            case UnauthorizedAccessException denied:
                // A path this user may not use, met while opening what the settings name (a spool, a store): the
                // message names the path; who we are and what to do is the rest of the line.
                return [$"{denied.Message.TrimEnd('.')}: this process runs as user {Environment.UserName}. Give that user access, or point the setting at a path it can use."];
            case InvalidDataException load when load.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal):
                // "Failed to load configuration from file 'x'." + "Could not parse the JSON file." + the parser's
                // detail with the line number: all three, on one line.
                return [string.Join(" ", Chain(load).Select(e => e.Message))];
            case InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                return [binding.Message + Hint(binding.Message)];
            default:
                return null;
        }
    }

    /// <summary>Writes each failure as <c>Configuration error: ...</c>; returns the exit code for it, 2.</summary>
    public static int Report(IReadOnlyList<string> failures, TextWriter error)
    {
        foreach (var failure in failures)
        {
            error.WriteLine("Configuration error: " + failure);
        }
        return 2;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static string Hint(string message) =>
        message.Contains("'System.TimeSpan'", StringComparison.Ordinal) ? " Write a duration as [d.]hh:mm:ss[.fff], e.g. \"00:00:10\"."
        : message.Contains("'System.Boolean'", StringComparison.Ordinal) ? " Write true or false."
        : "";
}
