using System.Globalization;

namespace Collector.Node;

/// <summary>The aggregate <c>cpu</c> line of /proc/stat, in clock ticks: busy and total.</summary>
public readonly record struct CpuTimes(long Busy, long Total)
{
    /// <summary>Parses the first <c>cpu </c> line; idle = idle + iowait; guest time is already in user/nice.</summary>
    public static CpuTimes? Parse(string procStat)
    {
        foreach (var line in procStat.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("cpu "))
            {
                continue;
            }
            long total = 0, idle = 0;
            var index = 0;
            foreach (var range in line[4..].Split(' '))
            {
                var part = line[4..][range];
                if (part.IsEmpty)
                {
                    continue;
                }
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }
                // fields: user nice system idle iowait irq softirq steal guest guest_nice
                if (index < 8)
                {
                    total += value;
                }
                if (index is 3 or 4)
                {
                    idle += value;
                }
                index++;
            }
            return index >= 4 ? new CpuTimes(total - idle, total) : null;
        }
        return null;
    }

    /// <summary>Busy share between two readings in percent, or null when no time elapsed or counters went back.</summary>
    public static double? BusyPercent(CpuTimes before, CpuTimes after)
    {
        var total = after.Total - before.Total;
        var busy = after.Busy - before.Busy;
        return total <= 0 || busy < 0 ? null : Math.Clamp(busy * 100.0 / total, 0, 100);
    }
}
