using System.Globalization;
using System.Text;

namespace Storage.Influx.Reading;

/// <summary>
/// Pure: InfluxQL text built from untrusted values. Proxy and server names come from HAProxy configurations and host
/// names from settings; each is quoted here, so a name can never end a string or an identifier and add a clause.
/// </summary>
public static class InfluxQl
{
    /// <summary>A double-quoted identifier (measurement, tag or field key).</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A single-quoted string literal (a tag value).</summary>
    public static string Literal(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary><c>/^(a|b)$/</c> matching exactly these values, every regex metacharacter and the delimiter escaped.</summary>
    public static string ExactRegex(IEnumerable<string> values)
    {
        var text = new StringBuilder("/^(");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                text.Append('|');
            }
            first = false;
            foreach (var c in value)
            {
                if ("\\^$.|?*+()[]{}/".Contains(c, StringComparison.Ordinal))
                {
                    text.Append('\\');
                }
                text.Append(c);
            }
        }
        return text.Append(")$/").ToString();
    }

    /// <summary>A time bound in epoch milliseconds, as InfluxQL reads it (<c>1800000000000ms</c>).</summary>
    public static string Time(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>A duration literal in milliseconds (<c>60000ms</c>).</summary>
    public static string Duration(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary><c> AND "tag" = 'value'</c> for each tag that is set.</summary>
    public static string TagFilter(params (string Tag, string? Value)[] tags)
    {
        var text = new StringBuilder();
        foreach (var (tag, value) in tags)
        {
            if (value is not null)
            {
                text.Append(" AND ").Append(Identifier(tag)).Append(" = ").Append(Literal(value));
            }
        }
        return text.ToString();
    }
}
