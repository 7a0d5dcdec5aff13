namespace ServiceDefaults.Settings;

/// <summary>
/// One Options class bound to one configuration section (<see cref="SettingsRegistration.BindSettings{T}"/>
/// registers it). The unknown-key check builds the keys an executable reads from these, by reflection over
/// <see cref="OptionsType"/>, so the list cannot drift from the classes.
/// </summary>
/// <param name="Path">The section, e.g. <c>Alerter:Smtp</c>.</param>
/// <param name="OptionsType">The class bound there.</param>
public sealed record SettingsSection(string Path, Type OptionsType);
