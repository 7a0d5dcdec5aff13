using System.Globalization;

namespace HAProxy.Info;

/// <summary>
/// A parsed <c>show info</c> reply. Every <c>Key: value</c> line is kept in <see cref="Values"/>; the fields
/// the suite uses are typed properties (null when this HAProxy does not report them).
/// </summary>
public sealed class ProcessInfo
{
    private ProcessInfo(IReadOnlyDictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    public string? Name => Get("Name");

    public string? Version => Get("Version");

    /// <summary>The node name (<c>node</c>), HAProxy's own idea of the host.</summary>
    public string? Node => Get("node");

    public int? Pid => (int?)GetInt64("Pid");

    public long? UptimeSeconds => GetInt64("Uptime_sec");

    /// <summary>Start_time_sec (unix seconds), when reported (2.5+).</summary>
    public long? StartTimeUnixSeconds => GetInt64("Start_time_sec");

    /// <summary>True when this process is an old one finishing after a reload.</summary>
    public bool Stopping => GetInt64("Stopping") is > 0;

    public long? CurrentConnections => GetInt64("CurrConns");

    public long? MaxConnections => GetInt64("Maxconn");

    public long? CumulativeConnections => GetInt64("CumConns");

    public long? CumulativeRequests => GetInt64("CumReq");

    public long? ConnectionRate => GetInt64("ConnRate");

    public long? SessionRate => GetInt64("SessRate");

    public long? RunQueue => GetInt64("Run_queue");

    public long? Tasks => GetInt64("Tasks");

    public double? IdlePct => GetInt64("Idle_pct");

    public string? Get(string key) => Values.GetValueOrDefault(key);

    public long? GetInt64(string key) =>
        Values.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>Parses <c>show info</c> text; lines without <c>": "</c> are ignored.</summary>
    /// <exception cref="FormatException">The text has no Pid line, so it is not a <c>show info</c> reply.</exception>
    public static ProcessInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.TrimEnd('\r');
            var separator = line.IndexOf(": ");
            if (separator <= 0)
            {
                continue;
            }
            values.TryAdd(line[..separator].ToString(), line[(separator + 2)..].ToString());
        }
        if (!values.ContainsKey("Pid"))
        {
            var first = text.AsSpan().TrimStart();
            var preview = first[..Math.Min(first.Length, 80)].ToString().ReplaceLineEndings(" ");
            throw new FormatException($"Not a 'show info' reply (no Pid line): '{preview}'.");
        }
        return new ProcessInfo(values);
    }
}
