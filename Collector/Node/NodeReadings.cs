using System.Globalization;

namespace Collector.Node;

/// <summary>Pure parsers for /proc/loadavg and /proc/meminfo.</summary>
public static class NodeReadings
{
    /// <summary>The three load averages, or null when the text is not a loadavg line.</summary>
    public static (double One, double Five, double Fifteen)? ParseLoadAverage(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var one)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var five)
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var fifteen)
            ? (one, five, fifteen)
            : null;
    }

    /// <summary>Used memory in percent: (MemTotal - MemAvailable) / MemTotal; null when either is missing.</summary>
    public static double? ParseMemoryUsedPercent(string meminfo)
    {
        long? total = null, available = null;
        foreach (var line in meminfo.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("MemTotal:"))
            {
                total = Kilobytes(line["MemTotal:".Length..]);
            }
            else if (line.StartsWith("MemAvailable:"))
            {
                available = Kilobytes(line["MemAvailable:".Length..]);
            }
        }
        return total is > 0 && available is { } free ? Math.Clamp((total.Value - free) * 100.0 / total.Value, 0, 100) : null;
    }

    private static long? Kilobytes(ReadOnlySpan<char> rest)
    {
        var text = rest.Trim();
        var space = text.IndexOf(' ');
        if (space > 0)
        {
            text = text[..space];
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
