namespace ServiceDefaults.Settings;

/// <summary>What <see cref="UnknownSettings.Check"/> found.</summary>
/// <param name="Errors">Unknown keys, each as one line naming the key and the closest known key.</param>
/// <param name="Warnings">Renamed keys still read, and other parts' sections this program ignores.</param>
/// <param name="Translations">Renamed keys as their new names, with translated values, to add to the configuration.</param>
public sealed record SettingsVerdict(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string?> Translations);
