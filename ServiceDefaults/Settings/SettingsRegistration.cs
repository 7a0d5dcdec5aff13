using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ServiceDefaults.Settings;

/// <summary>How every Options class of the suite is bound, so the unknown-key check knows its keys.</summary>
public static class SettingsRegistration
{
    /// <summary>
    /// <c>BindConfiguration(section)</c>, and records the binding (<see cref="SettingsSection"/>) for the
    /// unknown-key check. An Options class bound any other way is reported by that check as a bug.
    /// </summary>
    public static OptionsBuilder<T> BindSettings<T>(this OptionsBuilder<T> builder, string section)
        where T : class
    {
        builder.Services.AddSingleton(new SettingsSection(section, typeof(T)));
        return builder.BindConfiguration(section);
    }

    /// <summary>Declares a section an executable reads without an Options class of its own binding it here
    /// (a command that reads another command's settings file, for instance).</summary>
    public static IServiceCollection AddSettingsSection(this IServiceCollection services, SettingsSection section)
    {
        services.AddSingleton(section);
        return services;
    }
}
