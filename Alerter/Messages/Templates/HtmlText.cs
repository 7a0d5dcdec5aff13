using System.Globalization;
using System.Net;

namespace Alerter.Messages.Templates;

/// <summary>
/// Everything from HAProxy (proxy, server, reason, log line) enters HTML only through here: control characters
/// become spaces, then <c>&lt; &gt; &amp; " '</c> are entity-encoded, so a name can carry no markup or script.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(SafeText.Line(text));

    /// <summary>A number as the email shows it (invariant, at most two decimals); "n/a" when there is none.</summary>
    public static string Number(double? value)
        => value is { } v && double.IsFinite(v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Colour of a severity: the banner and the subject line of the HTML part.</summary>
    public static string SeverityColour(Policy.AlertSeverity severity) => severity switch
    {
        Policy.AlertSeverity.Critical => "#b00020",
        Policy.AlertSeverity.Warning => "#d35400",
        Policy.AlertSeverity.Recovery => "#1e7e34",
        _ => "#1f5fa8",
    };

    /// <summary>Colour of a server status by its structure (UP..., DOWN..., MAINT..., DRAIN, NOLB, no check).</summary>
    public static string StatusColour(string status)
    {
        var word = status.TrimStart().Split(' ', 2)[0].ToUpperInvariant();
        return word switch
        {
            "UP" or "OPEN" => "#1e7e34",
            "DOWN" => "#b00020",
            "MAINT" => "#6c757d",
            "DRAIN" or "NOLB" => "#d35400",
            _ => "#333333",
        };
    }
}
