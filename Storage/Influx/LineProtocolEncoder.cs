using System.Buffers;
using Storage.Samples;

namespace Storage.Influx;

/// <summary>
/// Turns <see cref="Sample"/>s into InfluxDB line protocol (UTF-8, one line per point, each ended by LF):
/// <c>measurement,tag=value,... field=value,... timestamp</c>. Pure: no I/O, no clock.
/// <para>
/// Rules (InfluxDB 1.x/2.x line protocol reference, checked against influxd 1.6.7): tags are sorted by key
/// (ordinal, as InfluxDB recommends); tags with an empty key or value are left out (line protocol has no empty
/// tag value); floats are written round-trip (<c>R</c>) and NaN/±Infinity fields are left out; integers get
/// the <c>i</c> suffix; strings are quoted with <c>"</c> and <c>\</c> escaped; booleans are <c>true</c>/<c>false</c>.
/// A point without a measurement or without any usable field is skipped and counted.
/// </para>
/// <para>
/// Escaping: the measurement escapes comma and space; tag keys, tag values and field keys escape comma,
/// equals sign and space. Line protocol cannot carry a newline in any name or value, so CR and LF are written
/// as the two characters <c>\r</c> and <c>\n</c> (counted in <see cref="EncodeStats.Sanitized"/>).
/// InfluxDB never unescapes a backslash in names: a backslash is stored as is, except that an odd run of
/// backslashes right before an escaped character (or a quote in a field key) or at the end of a name would
/// swallow the next separator, so it gets one more backslash: the line stays valid and InfluxDB stores one
/// extra backslash (counted as sanitized). HAProxy names never contain backslashes.
/// </para>
/// </summary>
public sealed partial class LineProtocolEncoder
{
    private readonly InfluxPrecision _precision;

    public LineProtocolEncoder(InfluxPrecision precision = InfluxPrecision.Nanoseconds) => _precision = precision;

    public InfluxPrecision Precision => _precision;

    /// <summary>Appends one line for <paramref name="sample"/>; returns false (and counts why) when nothing was written.</summary>
    public bool Encode(Sample sample, IBufferWriter<byte> output, EncodeStats stats)
    {
        if (string.IsNullOrEmpty(sample.Measurement) || !HasUsableField(sample))
        {
            stats.SkippedPoints++;
            CountDroppedFields(sample, stats);
            return false;
        }

        var line = new Utf8LineWriter(output, stats);
        line.WriteEscaped(sample.Measurement, EscapeContext.Measurement);
        WriteTags(sample.Tags, ref line, stats);
        line.WriteByte((byte)' ');
        WriteFields(sample.Fields, ref line, stats);
        line.WriteByte((byte)' ');
        line.WriteInteger(ToEpoch(sample.Timestamp));
        line.WriteByte((byte)'\n');
        stats.Lines++;
        return true;
    }

    /// <summary>Encodes every sample in order; returns the number of lines written.</summary>
    public int EncodeAll(IEnumerable<Sample> samples, IBufferWriter<byte> output, EncodeStats stats)
    {
        var lines = 0;
        foreach (var sample in samples)
        {
            if (Encode(sample, output, stats))
            {
                lines++;
            }
        }
        return lines;
    }

    /// <summary>The timestamp as an integer in this encoder's precision (deterministic: same sample, same number).</summary>
    public long ToEpoch(DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return _precision switch
        {
            InfluxPrecision.Nanoseconds => ticks * 100,
            InfluxPrecision.Microseconds => ticks / 10,
            InfluxPrecision.Milliseconds => ticks / TimeSpan.TicksPerMillisecond,
            _ => ticks / TimeSpan.TicksPerSecond,
        };
    }

    /// <summary>The query-string name of a precision (<c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>).</summary>
    public static string PrecisionParameter(InfluxPrecision precision) => precision switch
    {
        InfluxPrecision.Nanoseconds => "ns",
        InfluxPrecision.Microseconds => "us",
        InfluxPrecision.Milliseconds => "ms",
        _ => "s",
    };

    private static bool IsUsable(in KeyValuePair<string, FieldValue> field) =>
        !string.IsNullOrEmpty(field.Key)
        && (field.Value.Type != FieldValueType.Float || double.IsFinite(field.Value.Number))
        && (field.Value.Type != FieldValueType.String || field.Value.Text is not null);

    // Indexed loops: foreach over IReadOnlyList boxes an enumerator per sample (10,000 per cycle).
    private static bool HasUsableField(Sample sample)
    {
        var fields = sample.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (IsUsable(fields[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static void CountDroppedFields(Sample sample, EncodeStats stats)
    {
        var fields = sample.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (!IsUsable(fields[i]))
            {
                stats.DroppedFields++;
            }
        }
    }

    private static void WriteTags(IReadOnlyList<KeyValuePair<string, string>> tags, ref Utf8LineWriter line, EncodeStats stats)
    {
        if (tags.Count == 0)
        {
            return;
        }
        if (IsSorted(tags))
        {
            for (var i = 0; i < tags.Count; i++)
            {
                WriteTag(tags[i], ref line, stats);
            }
            return;
        }
        var sorted = ArrayPool<KeyValuePair<string, string>>.Shared.Rent(tags.Count);
        try
        {
            for (var i = 0; i < tags.Count; i++)
            {
                sorted[i] = tags[i];
            }
            Array.Sort(sorted, 0, tags.Count, TagKeyComparer.Instance);
            for (var i = 0; i < tags.Count; i++)
            {
                WriteTag(sorted[i], ref line, stats);
            }
        }
        finally
        {
            ArrayPool<KeyValuePair<string, string>>.Shared.Return(sorted, clearArray: true);
        }
    }

    private static void WriteTag(in KeyValuePair<string, string> tag, ref Utf8LineWriter line, EncodeStats stats)
    {
        if (string.IsNullOrEmpty(tag.Key) || string.IsNullOrEmpty(tag.Value))
        {
            stats.DroppedTags++;
            return;
        }
        line.WriteByte((byte)',');
        line.WriteEscaped(tag.Key, EscapeContext.Key);
        line.WriteByte((byte)'=');
        line.WriteEscaped(tag.Value, EscapeContext.Key);
    }

    private static void WriteFields(IReadOnlyList<KeyValuePair<string, FieldValue>> fields, ref Utf8LineWriter line, EncodeStats stats)
    {
        var first = true;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!IsUsable(field))
            {
                stats.DroppedFields++;
                continue;
            }
            if (!first)
            {
                line.WriteByte((byte)',');
            }
            first = false;
            line.WriteEscaped(field.Key, EscapeContext.FieldKey);
            line.WriteByte((byte)'=');
            WriteFieldValue(field.Value, ref line);
        }
    }

    private static void WriteFieldValue(in FieldValue value, ref Utf8LineWriter line)
    {
        switch (value.Type)
        {
            case FieldValueType.Float:
                line.WriteFloat(value.Number);
                break;
            case FieldValueType.Integer:
                line.WriteInteger(value.Integer);
                line.WriteByte((byte)'i');
                break;
            case FieldValueType.Boolean:
                line.WriteAscii(value.Boolean ? "true" : "false");
                break;
            default:
                line.WriteByte((byte)'"');
                line.WriteEscaped(value.Text!, EscapeContext.StringValue);
                line.WriteByte((byte)'"');
                break;
        }
    }

    private static bool IsSorted(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        for (var i = 1; i < tags.Count; i++)
        {
            if (string.CompareOrdinal(tags[i - 1].Key, tags[i].Key) > 0)
            {
                return false;
            }
        }
        return true;
    }

    private sealed class TagKeyComparer : IComparer<KeyValuePair<string, string>>
    {
        public static readonly TagKeyComparer Instance = new();

        public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y) => string.CompareOrdinal(x.Key, y.Key);
    }
}
