using HAProxy.Info;
using HAProxy.Rates;
using HAProxy.Stats;

namespace HAProxy.Tests.Rates;

/// <summary>Samples from the real 2.6.12 capture, with every counter cell of every row shifted by a chosen amount.</summary>
internal static class RateSamples
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static readonly string Csv = Fixture.Read("Stats/show-stat-2.6.12.csv");

    public static string InfoText(int pid = 6085, long uptime = 100, long startTime = 1_800_000_000) =>
        $"Name: HAProxy\nVersion: 2.6.12\nPid: {pid}\nUptime_sec: {uptime}\nStart_time_sec: {startTime}\nStopping: 0\n";

    /// <summary>The capture with every counter cell increased by <paramref name="add"/> (except <paramref name="lower"/>, decreased on one row).</summary>
    public static StatTable Table(long add, string? lower = null, string lowerRow = "")
    {
        var lines = Csv.Split('\n');
        var header = lines[0][2..].Split(',');
        var counters = HAProxy.Fields.FieldCatalogue.RateCounters.Select(f => Array.IndexOf(header, f.Name)).Where(i => i >= 0).ToHashSet();
        for (var l = 1; l < lines.Length; l++)
        {
            if (lines[l].Length == 0)
            {
                continue;
            }
            var cells = lines[l].Split(',');
            var key = cells[0] + "/" + cells[1];
            for (var c = 0; c < cells.Length && c < header.Length; c++)
            {
                if (counters.Contains(c) && long.TryParse(cells[c], out var value))
                {
                    cells[c] = (header[c] == lower && key == lowerRow ? 0 : value + add).ToString();
                }
            }
            lines[l] = string.Join(',', cells);
        }
        return StatCsvParser.Parse(string.Join('\n', lines));
    }

    public static StatSample At(double seconds, StatTable table, string? info = null) =>
        new(T0.AddSeconds(seconds), ProcessInfo.Parse(info ?? InfoText()), table);
}
