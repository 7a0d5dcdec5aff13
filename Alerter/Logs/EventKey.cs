using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HAProxy.Logs;

namespace Alerter.Logs;

/// <summary>
/// The idempotency key of an event: <c>host|proxy/server|kind|timestamp</c>, the timestamp in UTC truncated to
/// whole seconds: RFC 3164 (the file log's default) has seconds only while an RFC 5424 ring has microseconds, and
/// HAProxy stamps both copies of one message from the same clock reading, so whole seconds agree across sources.
/// It is the same whichever source (file, rotated copy, ring) the line came from, so an event read twice is
/// stored once. (Always written with six zero fraction digits, the format keys had before.)
/// A line without timestamp uses a hash of its message instead (stable across re-reads, not across sources).
/// Identical keys within one second get an occurrence ordinal from <see cref="OrdinalTracker"/>.
/// </summary>
public static class EventKey
{
    public static string Base(string host, LogEvent logEvent)
    {
        var builder = new StringBuilder(96)
            .Append(host).Append('|')
            .Append(logEvent.Proxy);
        if (logEvent.Server is not null)
        {
            builder.Append('/').Append(logEvent.Server);
        }
        builder.Append('|').Append(logEvent.Kind).Append('|');
        if (logEvent.Timestamp is { } timestamp)
        {
            var utc = timestamp.UtcDateTime;
            builder.Append(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("msg:").Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(logEvent.Message))[..8]));
        }
        return builder.ToString();
    }

    /// <summary>The stored key: the base key for the first occurrence, <c>base#n</c> for the n-th identical one.</summary>
    public static string WithOrdinal(string baseKey, int ordinal)
        => ordinal <= 1 ? baseKey : string.Create(CultureInfo.InvariantCulture, $"{baseKey}#{ordinal}");
}
