using System.Buffers;
using System.Text;
using System.Text.Json;
using Collector.Samples;

namespace Collector.Storage.Sqlite;

/// <summary>Compact JSON for a sample's fields (<c>{"sessions_current":3,"status":"UP"}</c>); NaN and infinities are left out.</summary>
public sealed class FieldJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public FieldJson() => _writer = new Utf8JsonWriter(_buffer, Options);

    public string Write(IReadOnlyList<KeyValuePair<string, FieldValue>> fields)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            switch (value.Type)
            {
                case FieldValueType.Integer or FieldValueType.Boolean:
                    _writer.WriteNumber(name, value.Integer);
                    break;
                case FieldValueType.Float when double.IsFinite(value.Number):
                    _writer.WriteNumber(name, Math.Round(value.Number, 6));
                    break;
                case FieldValueType.String:
                    _writer.WriteString(name, value.Text);
                    break;
            }
        }
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
