namespace ServiceDefaults.Settings;

/// <summary>Keys no part of this executable reads; <see cref="ConfigurationFailure"/> shows each problem as one line.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
