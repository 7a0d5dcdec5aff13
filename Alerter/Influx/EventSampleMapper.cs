using Storage.Schema;
using Storage.Samples;

namespace Alerter.Influx;

/// <summary>
/// A <c>haproxy_event</c> row as a point of the storage schema (docs/schema.md): tags <c>host</c>, <c>proxy</c>,
/// <c>server</c>, <c>kind</c>, <c>severity</c>; fields <c>message</c>, <c>reason</c>, <c>active_left</c>,
/// <c>backup_left</c>. Pure.
/// </summary>
public static class EventSampleMapper
{
    public const string Measurement = Measurements.Event;

    public static Sample ToSample(ExportedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var tags = new List<KeyValuePair<string, string>>(5) { new(Measurements.HostTag, e.Host), new(Measurements.ProxyTag, e.Proxy) };
        if (!string.IsNullOrEmpty(e.Server))
        {
            tags.Add(new(Measurements.ServerTag, e.Server));
        }
        tags.Add(new(Measurements.KindTag, e.Kind));
        if (!string.IsNullOrEmpty(e.Severity))
        {
            tags.Add(new(Measurements.SeverityTag, e.Severity));
        }
        var fields = new List<KeyValuePair<string, FieldValue>>(4) { new(EventFields.Message, FieldValue.Of(e.Message)) };
        if (!string.IsNullOrEmpty(e.Reason))
        {
            fields.Add(new(EventFields.Reason, FieldValue.Of(e.Reason)));
        }
        if (e.ActiveLeft is { } active)
        {
            fields.Add(new(EventFields.ActiveLeft, FieldValue.Of(active)));
        }
        if (e.BackupLeft is { } backup)
        {
            fields.Add(new(EventFields.BackupLeft, FieldValue.Of(backup)));
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
