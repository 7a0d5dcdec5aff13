namespace HAProxy.Logs;

/// <summary>
/// <c>Nov 21 21:38:33</c> / <c>Nov  1 21:38:33</c>: no year, no zone. The year comes from the context's Now (the
/// previous year when the date would lie more than a day in the future, e.g. a December line read in January),
/// the zone from its AssumedOffset.
/// </summary>
internal static class Rfc3164Timestamp
{
    /// <summary>Characters in <c>Mmm dd hh:mm:ss</c>.</summary>
    public const int Length = 15;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Starts with a month name and a space: from there on it must be a whole timestamp.</summary>
    public static bool LooksLikeOne(ReadOnlySpan<char> text) =>
        text.Length >= 4 && text[3] == ' ' && char.IsAsciiLetterUpper(text[0]) && MonthIndex(text[..3]) >= 0;

    public static bool TryParse(ReadOnlySpan<char> text, in LogParseContext context, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (text.Length <= Length || text[Length] != ' ' || text[6] != ' ' || text[9] != ':' || text[12] != ':')
        {
            return false;
        }
        var month = MonthIndex(text[..3]);
        var day = text[4] == ' ' ? Digit(text[5]) : Two(text[4], text[5]);
        var hour = Two(text[7], text[8]);
        var minute = Two(text[10], text[11]);
        var second = Two(text[13], text[14]);
        if (month < 0 || day is < 1 or > 31 || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60)
        {
            return false;
        }
        second = Math.Min(second, 59);
        var latest = context.Now + TimeSpan.FromDays(1);
        var year = context.Now.ToOffset(context.AssumedOffset).Year;
        // A date in a later year than intended only happens across New Year; Feb 29 walks back to a leap year.
        for (var attempt = 0; attempt < 8; attempt++, year--)
        {
            if (day > DateTime.DaysInMonth(year, month + 1))
            {
                continue;
            }
            var candidate = new DateTimeOffset(year, month + 1, day, hour, minute, second, context.AssumedOffset);
            if (candidate <= latest)
            {
                timestamp = candidate;
                return true;
            }
        }
        return false;
    }

    private static int MonthIndex(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (name.SequenceEqual(Months[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static int Digit(char c) => char.IsAsciiDigit(c) ? c - '0' : -1000;

    private static int Two(char tens, char ones) => (Digit(tens) * 10) + Digit(ones);
}
