namespace Dashboard.Top.Columns;

/// <summary>Turns a series into block characters ▁▂▃▄▅▆▇█ scaled to the series' own peak. Pure.</summary>
public static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>One character per value: ' ' for no data (negative), ▁ for zero, █ for the peak.</summary>
    public static string Render(ReadOnlySpan<long> values)
    {
        long peak = 0;
        foreach (var v in values)
        {
            peak = Math.Max(peak, v);
        }
        Span<char> chars = values.Length <= 256 ? stackalloc char[values.Length] : new char[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            chars[i] = v < 0 ? ' '
                : peak == 0 || v == 0 ? Blocks[0]
                : Blocks[Math.Clamp((int)Math.Ceiling((double)v / peak * Blocks.Length) - 1, 0, Blocks.Length - 1)];
        }
        return new string(chars);
    }
}
