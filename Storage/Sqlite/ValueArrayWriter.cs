using System.Buffers;
using System.Text.Json;
using Storage.Samples;

namespace Storage.Sqlite;

/// <summary>
/// Writes field values as a compact UTF-8 JSON array (<c>[3,0,"UP",0.5]</c>) into a reused buffer, in the order
/// of their <see cref="FieldSet"/>: integers and booleans as integers, floats rounded to 6 decimals, strings
/// escaped; NaN and infinities are left out (<see cref="FieldSetRegistry.IsStored"/>). No allocation per call.
/// </summary>
public sealed class ValueArrayWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public ValueArrayWriter() => _writer = new Utf8JsonWriter(_buffer, Options);

    public ReadOnlySpan<byte> Write(IReadOnlyList<KeyValuePair<string, FieldValue>> fields)
    {
        Start();
        for (var i = 0; i < fields.Count; i++)
        {
            var value = fields[i].Value;
            switch (value.Type)
            {
                case FieldValueType.Integer or FieldValueType.Boolean:
                    _writer.WriteNumberValue(value.Integer);
                    break;
                case FieldValueType.Float when double.IsFinite(value.Number):
                    _writer.WriteNumberValue(Math.Round(value.Number, 6));
                    break;
                case FieldValueType.String:
                    _writer.WriteStringValue(value.Text);
                    break;
            }
        }
        return End();
    }

    /// <summary>Numbers only (roll-up averages or maxima).</summary>
    public ReadOnlySpan<byte> Write(IReadOnlyList<RollupField> fields, bool maximum)
    {
        Start();
        foreach (var field in fields)
        {
            _writer.WriteNumberValue(Math.Round(maximum ? field.Maximum : field.Average, 6));
        }
        return End();
    }

    /// <summary>Names of a field set (<c>["sessions_current","status"]</c>).</summary>
    public ReadOnlySpan<byte> Write(IReadOnlyList<string> names)
    {
        Start();
        foreach (var name in names)
        {
            _writer.WriteStringValue(name);
        }
        return End();
    }

    private void Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartArray();
    }

    private ReadOnlySpan<byte> End()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        return _buffer.WrittenSpan;
    }
}
