using System.Globalization;
using System.Net;
using HAProxy.Stats;

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

    /// <summary>Colour of a server status, read by HAProxy's one status parser (<see cref="ServerStatus"/>: <c>UP 1/3</c>, <c>MAINT (via be/s)</c>).</summary>
    public static string StatusColour(string status) => ServerStatus.Parse(status).State switch
    {
        ServerState.Up or ServerState.Open => "#1e7e34",
        ServerState.Down => "#b00020",
        ServerState.Maint => "#6c757d",
        ServerState.Drain or ServerState.NoLb => "#d35400",
        _ => "#333333",
    };
}
