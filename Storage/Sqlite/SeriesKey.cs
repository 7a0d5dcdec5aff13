using Storage.Schema;
using System.Text;
using Storage.Samples;

namespace Storage.Sqlite;

/// <summary>The identity of a series: measurement plus all tags, in a canonical text form.</summary>
public static class SeriesKey
{
    public static string Of(Sample sample)
    {
        var builder = new StringBuilder(sample.Measurement.Length + 64).Append(sample.Measurement);
        foreach (var (key, value) in sample.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            builder.Append('\u001f').Append(key).Append('=').Append(value);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The series as a tuple when its only tags are host, proxy and server, each at most once; else null. Equal
    /// tuples mean equal <see cref="Of"/> keys, so it can stand in for the key text in a lookup.
    /// </summary>
    public static StandardSeries? Standard(Sample sample)
    {
        string? host = null, proxy = null, server = null;
        foreach (var (key, value) in sample.Tags)
        {
            switch (key)
            {
                case Measurements.HostTag when host is null:
                    host = value;
                    break;
                case Measurements.ProxyTag when proxy is null:
                    proxy = value;
                    break;
                case Measurements.ServerTag when server is null:
                    server = value;
                    break;
                default:
                    return null;
            }
        }
        return new StandardSeries(sample.Measurement, host, proxy, server);
    }

    /// <summary>Tags other than host, proxy and server, as a JSON object (<c>{"sink":"sqlite"}</c>).</summary>
    public static string ExtraTagsJson(Sample sample)
    {
        var extra = sample.Tags.Where(t => t.Key is not (Measurements.HostTag or Measurements.ProxyTag or Measurements.ServerTag)).ToArray();
        if (extra.Length == 0)
        {
            return "{}";
        }
        return System.Text.Json.JsonSerializer.Serialize(extra.ToDictionary(t => t.Key, t => t.Value));
    }
}
