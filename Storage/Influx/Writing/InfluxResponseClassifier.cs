using System.Globalization;
using System.Text.RegularExpressions;

namespace Storage.Influx.Writing;

/// <summary>
/// Maps a write response to an <see cref="InfluxWriteResult"/>. Pure. Only 204 means stored.
/// InfluxDB 1.x answers 400 <c>{"error":"partial write: ... dropped=N"}</c> when it stored the valid points
/// of a batch: lines that did not parse are named as <c>unable to parse '&lt;line&gt;': reason</c> and are not in
/// <c>dropped=N</c>, which counts points refused for other reasons (type conflict, retention, limits).
/// InfluxDB 2.x says <c>partial write error (N written)</c>. A 400 without either means nothing was stored.
/// </summary>
public static partial class InfluxResponseClassifier
{
    public static InfluxWriteResult Classify(int status, string? body, int points)
    {
        var message = Trim(body);
        if (status == 204)
        {
            return new InfluxWriteResult(InfluxWriteOutcome.Written, status, 0, null);
        }
        if (status is >= 200 and < 300)
        {
            // InfluxDB 1.x and 2.x, and the servers that speak their write API, answer a stored write with 204 and
            // nothing else. Another 2xx is a web server or proxy that is not InfluxDB: counting it as stored would
            // lose the points silently, so they stay in the spool and the log says where to look.
            return new InfluxWriteResult(InfluxWriteOutcome.Misconfigured, status, 0,
                $"a write was answered {status}, not 204 No Content as InfluxDB answers it: the configured Url may not point at InfluxDB. {message}".TrimEnd());
        }
        if (status is 401 or 403)
        {
            return new InfluxWriteResult(InfluxWriteOutcome.Unauthorized, status, 0, message);
        }
        if (status == 404 && body is not null && body.Contains("database not found", StringComparison.OrdinalIgnoreCase))
        {
            return new InfluxWriteResult(InfluxWriteOutcome.DatabaseNotFound, status, 0, message);
        }
        if (status is 400 or 422)
        {
            var rejected = CountRejected(body ?? "", points);
            var outcome = rejected < points ? InfluxWriteOutcome.PartiallyWritten : InfluxWriteOutcome.Rejected;
            return new InfluxWriteResult(outcome, status, rejected, message);
        }
        if (status == 429 || status >= 500)
        {
            return new InfluxWriteResult(InfluxWriteOutcome.Unavailable, status, 0, message);
        }
        return new InfluxWriteResult(InfluxWriteOutcome.Misconfigured, status, 0, message);
    }

    /// <summary>How many of <paramref name="points"/> the server refused, from its error text.</summary>
    public static int CountRejected(string body, int points)
    {
        var v2 = V2Written().Match(body);
        if (v2.Success)
        {
            return Math.Clamp(points - int.Parse(v2.Groups[1].Value, CultureInfo.InvariantCulture), 0, points);
        }
        if (!body.Contains("partial write", StringComparison.OrdinalIgnoreCase))
        {
            return points;
        }
        var rejected = 0;
        var dropped = V1Dropped().Match(body);
        if (dropped.Success)
        {
            rejected += int.Parse(dropped.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        rejected += UnableToParse().Count(body);
        return Math.Clamp(rejected, 0, points);
    }

    private static string? Trim(string? body) => body is null ? null : body.Length <= 2000 ? body.Trim() : body[..2000] + "...";

    [GeneratedRegex(@"partial write error \((\d+) written\)", RegexOptions.IgnoreCase)]
    private static partial Regex V2Written();

    [GeneratedRegex(@"dropped=(\d+)")]
    private static partial Regex V1Dropped();

    [GeneratedRegex("unable to parse '")]
    private static partial Regex UnableToParse();
}
