using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ServiceDefaults.Settings;

namespace ServiceDefaults.Hosting;

/// <summary>
/// Where every executable of the suite reads its settings, in this order (a later source wins):
/// <list type="number">
/// <item>the defaults written in the Options classes;</item>
/// <item><c>appsettings.json</c> beside the executable (optional: what the build ships);</item>
/// <item>the file named by <c>--config FILE</c> (must exist and be readable);</item>
/// <item>environment variables <c>MONITORING__Section__Key</c>;</item>
/// <item>command-line arguments <c>--Section:Key=value</c>.</item>
/// </list>
/// Never the working directory, and no unprefixed environment variables (a stray <c>Alerter__X</c> in a shell
/// is not a setting). The host's own <c>DOTNET_</c> / <c>ASPNETCORE_</c> variables keep their meaning.
/// The repository README's "Where configuration lives" documents this order.
/// </summary>
public static class SuiteConfiguration
{
    public const string EnvironmentPrefix = "MONITORING__";

    public const string ShippedFileName = "appsettings.json";

    /// <summary>Replaces the host's default application sources with the suite's (above).</summary>
    /// <param name="args">The configuration arguments (<c>--Section:Key=value</c>), without <c>--config</c>.</param>
    /// <param name="configFile">The <c>--config</c> file, or null.</param>
    public static void Apply(IHostApplicationBuilder builder, IReadOnlyList<string> args, string? configFile)
    {
        var sources = builder.Configuration.Sources;
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is JsonConfigurationSource or CommandLineConfigurationSource
                || (sources[i] is EnvironmentVariablesConfigurationSource env && (string.IsNullOrEmpty(env.Prefix) || env.Prefix == EnvironmentPrefix)))
            {
                sources.RemoveAt(i);
            }
        }
        builder.Configuration.AddJsonFile(new PhysicalFileProvider(AppContext.BaseDirectory), ShippedFileName, optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            if (ReadableFile.Problem(path) is { } problem)
            {
                throw new SettingsException([ReadableFile.Describe("--config", configFile, problem)]);
            }
            builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddCommandLine([.. args]);
    }

    /// <summary>Every key of the sources <see cref="Apply"/> added, with where it was written.</summary>
    public static IReadOnlyList<ConfiguredKey> OurKeys(IConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        var providers = ((IConfigurationRoot)configuration).Providers.ToList();
        var keys = new List<ConfiguredKey>();
        for (var i = 0; i < sources.Count && i < providers.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource or CommandLineConfigurationSource
                || (sources[i] is EnvironmentVariablesConfigurationSource env && env.Prefix == EnvironmentPrefix))
            {
                keys.AddRange(ConfigurationKeys.Of(sources[i], providers[i], EnvironmentPrefix));
            }
        }
        return keys;
    }

    /// <summary>
    /// Takes <c>--config FILE</c> (or <c>--config=FILE</c>, <c>-c FILE</c>) out of raw arguments, for an executable
    /// without a command-line parser; the rest are configuration arguments.
    /// </summary>
    public static (string? ConfigFile, string[] Arguments) SplitConfigArgument(IReadOnlyList<string> args)
    {
        string? file = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--config" or "-c")
            {
                if (i + 1 >= args.Count)
                {
                    throw new SettingsException(["--config needs a file name: --config /etc/haproxy-monitoring/collector.json"]);
                }
                file = args[++i];
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                file = arg["--config=".Length..];
            }
            else
            {
                rest.Add(arg);
            }
        }
        return (file, [.. rest]);
    }
}
