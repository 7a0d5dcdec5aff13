using System.Globalization;

namespace Dashboard.Top.Columns;

/// <summary>Number and time formatting for narrow columns. Pure.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Bytes with a binary suffix: 999, 1.2K, 34M, 5.6G.</summary>
    public static string Bytes(double bytes)
    {
        if (double.IsNaN(bytes))
        {
            return "";
        }
        string[] units = ["", "K", "M", "G", "T", "P"];
        var value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0
            ? ((long)value).ToString(Invariant)
            : value.ToString(value < 10 ? "0.0" : "0", Invariant) + units[unit];
    }

    /// <summary>A per-second rate: blank when unknown (NaN), 1 decimal below 100, then whole numbers with k/M.</summary>
    public static string Rate(double perSecond)
    {
        if (double.IsNaN(perSecond))
        {
            return "";
        }
        return perSecond switch
        {
            < 100 => perSecond.ToString("0.0", Invariant),
            < 100_000 => perSecond.ToString("0", Invariant),
            < 100_000_000 => (perSecond / 1000).ToString("0", Invariant) + "k",
            _ => (perSecond / 1_000_000).ToString("0", Invariant) + "M",
        };
    }

    /// <summary>A byte rate: 1.2K, 34M (per second implied by the heading).</summary>
    public static string ByteRate(double perSecond) => double.IsNaN(perSecond) ? "" : Bytes(Math.Round(perSecond));

    /// <summary>Seconds as a compact age: 45s, 12m03s, 5h02m, 3d04h.</summary>
    public static string Age(long seconds)
    {
        if (seconds < 0)
        {
            return "";
        }
        if (seconds < 60)
        {
            return seconds.ToString(Invariant) + "s";
        }
        if (seconds < 3600)
        {
            return $"{seconds / 60}m{seconds % 60:00}s";
        }
        if (seconds < 86400)
        {
            return $"{seconds / 3600}h{seconds % 3600 / 60:00}m";
        }
        return $"{seconds / 86400}d{seconds % 86400 / 3600:00}h";
    }

    /// <summary>Uptime as HATop shows it: 0d 01:02:03.</summary>
    public static string Uptime(long seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return $"{(int)span.TotalDays}d {span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}";
    }

    /// <summary>Left- or right-aligns into exactly <paramref name="width"/> characters, cutting with '~' when too long.</summary>
    public static string Fit(string text, int width, bool right)
    {
        if (width <= 0)
        {
            return "";
        }
        if (text.Length > width)
        {
            return width == 1 ? "~" : text[..(width - 1)] + "~";
        }
        return right ? text.PadLeft(width) : text.PadRight(width);
    }
}
