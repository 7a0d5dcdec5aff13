using System.Globalization;

namespace Dashboard.Web.Api;

/// <summary>
/// Pure parsing of the API's time parameters: <c>from</c>/<c>to</c> as unix milliseconds or ISO 8601, or
/// <c>range</c> (<c>15m</c>, <c>1h</c>, <c>7d</c>...) ending at <c>to</c> (default now). Errors are sentences for a 400.
/// </summary>
public static class TimeWindow
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool TryParse(string? from, string? to, string? range, DateTimeOffset now, TimeSpan defaultRange,
        out DateTimeOffset start, out DateTimeOffset end, out string? error)
    {
        start = end = default;
        error = null;
        DateTimeOffset? parsedTo = null;
        if (!string.IsNullOrEmpty(to))
        {
            if (!TryParseTime(to, out var t))
            {
                error = $"'to' must be unix milliseconds or an ISO 8601 time; got '{Clip(to)}'.";
                return false;
            }
            parsedTo = t;
        }
        if (!string.IsNullOrEmpty(from))
        {
            if (!TryParseTime(from, out start))
            {
                error = $"'from' must be unix milliseconds or an ISO 8601 time; got '{Clip(from)}'.";
                return false;
            }
            end = parsedTo ?? now;
        }
        else
        {
            var length = defaultRange;
            if (!string.IsNullOrEmpty(range) && !TryParseDuration(range, out length))
            {
                error = $"'range' must be a duration such as 15m, 1h, 6h, 24h, 7d or 30d; got '{Clip(range)}'.";
                return false;
            }
            end = parsedTo ?? now;
            start = end - length;
        }
        if (end <= start)
        {
            error = $"The range ends ({end:O}) before it starts ({start:O}).";
            return false;
        }
        return true;
    }

    public static bool TryParseTime(string text, out DateTimeOffset time)
    {
        time = default;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
        {
            if (ms < Earliest.ToUnixTimeMilliseconds() || ms > Latest.ToUnixTimeMilliseconds())
            {
                return false;
            }
            time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time)
            && time >= Earliest && time <= Latest;
    }

    /// <summary><c>90s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>; a bare number is seconds (<see cref="Shared.DurationText"/>, the grammar <c>top --interval</c> reads too); positive, at most 10 years.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration) =>
        Shared.DurationText.TryParse(text, out duration) && duration > TimeSpan.Zero;

    /// <summary>Echo at most 40 characters of a bad value, so an error message never carries a whole payload back.</summary>
    public static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
