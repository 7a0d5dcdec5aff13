using System.Text;
using Collector.Samples;

namespace Collector.Storage.Sqlite;

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

    /// <summary>Tags other than host, proxy and server, as a JSON object (<c>{"sink":"sqlite"}</c>).</summary>
    public static string ExtraTagsJson(Sample sample)
    {
        var extra = sample.Tags.Where(t => t.Key is not ("host" or "proxy" or "server")).ToArray();
        if (extra.Length == 0)
        {
            return "{}";
        }
        return System.Text.Json.JsonSerializer.Serialize(extra.ToDictionary(t => t.Key, t => t.Value));
    }
}
