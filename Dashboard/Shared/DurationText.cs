using System.Globalization;

namespace Dashboard.Shared;

/// <summary>
/// The one duration grammar of the <c>dashboard</c> executable, for <c>top --interval</c> and the web API's
/// <c>range</c>/<c>step</c> alike: a number with <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> or <c>w</c>
/// (<c>500ms</c>, <c>1.5s</c>, <c>15m</c>, <c>7d</c>), a bare number of seconds, or <c>[d.]hh:mm:ss</c>.
/// </summary>
public static class DurationText
{
    /// <summary>Ten years: longer is a typo, and bounding it keeps date arithmetic from overflowing.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    private static readonly (string Suffix, double Seconds)[] Units =
        [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 7 * 86400)];

    /// <summary>
    /// True for a finite, non-negative duration of at most <see cref="Longest"/>. NaN and infinities are refused
    /// here: .NET's number parser accepts "NaN" whatever the styles, and TimeSpan.FromSeconds(NaN) throws.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return false;
        }
        if (text.Contains(':'))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero && duration <= Longest;
        }
        var (number, seconds) = (text, 1.0);
        // "ms" before "m" and "s": the longest suffix that matches wins.
        foreach (var (suffix, unit) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                (number, seconds) = (text[..^suffix.Length], unit);
                break;
            }
        }
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < 0 || value * seconds > Longest.TotalSeconds)
        {
            return false;
        }
        duration = TimeSpan.FromSeconds(value * seconds);
        return true;
    }
}
