using Storage.Schema;

namespace Alerter.Policy;

/// <summary>An <see cref="AlertSeverity"/> as the stores hold it: the names of <see cref="Severities"/>, never the enum's <c>ToString()</c>.</summary>
public static class SeverityNames
{
    public static string StoredName(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Severities.Critical,
        AlertSeverity.Warning => Severities.Warning,
        AlertSeverity.Recovery => Severities.Recovery,
        AlertSeverity.Info => Severities.Info,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "No stored name declared for this severity."),
    };

    public static AlertSeverity FromStored(string name) => name switch
    {
        Severities.Critical => AlertSeverity.Critical,
        Severities.Warning => AlertSeverity.Warning,
        Severities.Recovery => AlertSeverity.Recovery,
        Severities.Info => AlertSeverity.Info,
        _ => throw new FormatException($"'{name}' is not a stored severity ({string.Join(", ", Severities.All.Select(s => s.Name))})."),
    };
}
