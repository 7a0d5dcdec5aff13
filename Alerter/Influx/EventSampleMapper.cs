using Storage.Samples;

namespace Alerter.Influx;

/// <summary>
/// A <c>haproxy_event</c> row as a point of the storage schema (docs/schema.md): tags <c>host</c>, <c>proxy</c>,
/// <c>server</c>, <c>kind</c>, <c>severity</c>; fields <c>message</c>, <c>reason</c>, <c>active_left</c>,
/// <c>backup_left</c>. Pure.
/// </summary>
public static class EventSampleMapper
{
    public const string Measurement = "haproxy_event";

    public static Sample ToSample(ExportedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var tags = new List<KeyValuePair<string, string>>(5) { new("host", e.Host), new("proxy", e.Proxy) };
        if (!string.IsNullOrEmpty(e.Server))
        {
            tags.Add(new("server", e.Server));
        }
        tags.Add(new("kind", e.Kind));
        if (!string.IsNullOrEmpty(e.Severity))
        {
            tags.Add(new("severity", e.Severity));
        }
        var fields = new List<KeyValuePair<string, FieldValue>>(4) { new("message", FieldValue.Of(e.Message)) };
        if (!string.IsNullOrEmpty(e.Reason))
        {
            fields.Add(new("reason", FieldValue.Of(e.Reason)));
        }
        if (e.ActiveLeft is { } active)
        {
            fields.Add(new("active_left", FieldValue.Of(active)));
        }
        if (e.BackupLeft is { } backup)
        {
            fields.Add(new("backup_left", FieldValue.Of(backup)));
        }
        return new Sample(Measurement, tags, fields, PointTime(e.TimeUnixMs, e.Id));
    }

    /// <summary>
    /// The log time plus the row id's last three digits in microseconds. InfluxDB keeps one point per series and
    /// timestamp, and one server can change state twice within a log timestamp (syslog headers have whole
    /// seconds); the offset keeps both, and is the same every time the row is exported, so a repeat overwrites.
    /// </summary>
    public static DateTimeOffset PointTime(long timeUnixMs, long id) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timeUnixMs).AddTicks(id % 1000 * 10);
}
