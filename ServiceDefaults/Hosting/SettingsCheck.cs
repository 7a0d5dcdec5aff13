using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceDefaults.Settings;

namespace ServiceDefaults.Hosting;

/// <summary>
/// Runs <see cref="UnknownSettings"/> on a builder once its parts are registered (before <c>Build</c>, so renamed
/// keys are translated before anything binds): unknown keys throw <see cref="SettingsException"/>; warnings are
/// logged when the host starts (<see cref="SettingsWarningsLog"/>) and returned for commands that run no host.
/// </summary>
public static class SettingsCheck
{
    public static SettingsVerdict Apply(IHostApplicationBuilder builder, string program, IEnumerable<SettingsSection>? alsoKnown = null)
    {
        var sections = builder.Services
            .Where(d => d.ServiceType == typeof(SettingsSection) && d.ImplementationInstance is SettingsSection)
            .Select(d => (SettingsSection)d.ImplementationInstance!)
            .Concat(alsoKnown ?? [])
            .ToList();
        RequireDeclared(builder.Services, sections);
        var keys = SuiteConfiguration.OurKeys(builder.Configuration);
        var verdict = UnknownSettings.Check(SettingsSchema.Build(sections), keys, program);
        if (verdict.Errors.Count > 0)
        {
            throw new SettingsException(verdict.Errors);
        }
        if (verdict.Translations.Count > 0)
        {
            // Last, so a renamed key keeps its effect whatever source held it; the new key, when set, was preferred above.
            builder.Configuration.Add(new MemoryConfigurationSource { InitialData = verdict.Translations });
        }
        if (verdict.Warnings.Count > 0)
        {
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SettingsWarningsLog>(sp, verdict.Warnings));
        }
        return verdict;
    }

    /// <summary>
    /// Every Options class of ours bound from configuration must be bound through <c>BindSettings</c>, or its keys
    /// would be reported unknown: a bug, said here with the class's name rather than by a confused operator.
    /// </summary>
    private static void RequireDeclared(IServiceCollection services, IReadOnlyList<SettingsSection> sections)
    {
        var declared = sections.Select(s => s.OptionsType).ToHashSet();
        var undeclared = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => !declared.Contains(t) && IsOurs(t.Assembly))
            .Distinct()
            .ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException(
                $"Options bound from configuration without BindSettings (the unknown-key check cannot know their keys): {string.Join(", ", undeclared.Select(t => t.FullName))}.");
        }
    }

    private static bool IsOurs(Assembly assembly) =>
        assembly == typeof(SettingsCheck).Assembly || assembly.GetReferencedAssemblies().Any(a => a.Name == typeof(SettingsCheck).Assembly.GetName().Name);
}
