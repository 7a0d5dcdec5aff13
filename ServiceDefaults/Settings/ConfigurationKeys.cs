using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace ServiceDefaults.Settings;

/// <summary>Every key a configuration provider holds, with where it was written, for <see cref="UnknownSettings"/>.</summary>
public static class ConfigurationKeys
{
    /// <summary>The keys of <paramref name="provider"/> (built from <paramref name="source"/>), each with its origin.</summary>
    public static IEnumerable<ConfiguredKey> Of(IConfigurationSource source, IConfigurationProvider provider, string environmentPrefix)
    {
        foreach (var key in Keys(provider, null))
        {
            provider.TryGet(key, out var value);
            yield return new ConfiguredKey(key, value, Origin(source, key, environmentPrefix));
        }
    }

    private static IEnumerable<string> Keys(IConfigurationProvider provider, string? parent)
    {
        foreach (var child in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var path = parent is null ? child : $"{parent}:{child}";
            var below = Keys(provider, path).ToList();
            if (below.Count == 0 || (provider.TryGet(path, out var value) && value is not null))
            {
                yield return path;
            }
            foreach (var key in below)
            {
                yield return key;
            }
        }
    }

    private static string Origin(IConfigurationSource source, string key, string environmentPrefix) => source switch
    {
        JsonConfigurationSource json => json.FileProvider?.GetFileInfo(json.Path ?? "").PhysicalPath ?? json.Path ?? "a settings file",
        EnvironmentVariablesConfigurationSource => $"environment {environmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal)}",
        CommandLineConfigurationSource => "command line",
        _ => "settings",
    };
}
