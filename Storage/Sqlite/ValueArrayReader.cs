using System.Text;
using System.Text.Json;
using Storage.Samples;
using Storage.Schema;

namespace Storage.Sqlite;

/// <summary>
/// Pure: reads what <see cref="ValueArrayWriter"/> wrote (<c>[3,0,"UP",0.5]</c>). The array does not say whether
/// <c>2</c> was an integer or a float that happened to be whole, so the schema's type decides; names the schema lacks
/// read as integers when whole.
/// </summary>
public static class ValueArrayReader
{
    /// <summary>Every value with its name from <paramref name="names"/> (the row's field set).</summary>
    public static Dictionary<string, FieldValue> ReadAll(string values, IReadOnlyList<string> names, MeasurementSchema? schema)
    {
        var result = new Dictionary<string, FieldValue>(names.Count, StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(values));
        var index = -1;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.EndArray)
            {
                continue;
            }
            index++;
            if (index >= names.Count)
            {
                break;
            }
            var name = names[index];
            if (reader.TokenType == JsonTokenType.String)
            {
                result[name] = FieldValue.Of(reader.GetString()!);
            }
            else if (reader.TokenType == JsonTokenType.Number)
            {
                var type = schema?.Field(name)?.Type;
                result[name] = type == SchemaFieldType.Float || !reader.TryGetInt64(out var whole)
                    ? FieldValue.Of(reader.GetDouble())
                    : FieldValue.Of(whole);
            }
        }
        return result;
    }

    /// <summary>The numbers at <paramref name="positions"/> (-1: not in this row's set) into <paramref name="into"/>; null for a string or a missing slot.</summary>
    public static void ReadNumbers(ReadOnlySpan<byte> values, ReadOnlySpan<int> positions, Span<double?> into)
    {
        into.Clear();
        var max = -1;
        foreach (var p in positions)
        {
            max = Math.Max(max, p);
        }
        if (max < 0)
        {
            return;
        }
        var reader = new Utf8JsonReader(values);
        var index = -1;
        while (reader.Read() && index < max)
        {
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.EndArray)
            {
                continue;
            }
            index++;
            if (reader.TokenType != JsonTokenType.Number)
            {
                continue;
            }
            for (var i = 0; i < positions.Length; i++)
            {
                if (positions[i] == index)
                {
                    into[i] = reader.GetDouble();
                }
            }
        }
    }
}
