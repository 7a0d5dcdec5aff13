using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alerter.Journal;

/// <summary>
/// Parses one line of <c>journalctl --output=json</c>. Pure. journalctl writes a field as a string when it is valid
/// UTF-8 text, as an array of byte values when it is not (or holds control characters), and as an array of those when
/// the field occurs more than once (the first value is used). Never throws on input: a line that is not such an object,
/// or has no <c>__CURSOR</c>, returns null.
/// </summary>
public static class JournalEntryParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JournalEntry? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "__CURSOR", out _) is not { Length: > 0 } cursor)
            {
                return null;
            }
            var message = Text(root, "MESSAGE", out var invalid);
            DateTimeOffset? realtime = long.TryParse(Text(root, "__REALTIME_TIMESTAMP", out _), NumberStyles.None, CultureInfo.InvariantCulture, out var us)
                ? DateTimeOffset.UnixEpoch.AddTicks(us * 10)
                : null;
            return new JournalEntry(cursor, realtime, message, invalid, Number(root, "SYSLOG_PID") ?? Number(root, "_PID"),
                Text(root, "_HOSTNAME", out _), Number(root, "PRIORITY"), Number(root, "SYSLOG_FACILITY"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Number(JsonElement root, string name)
        => int.TryParse(Text(root, name, out _), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The field's first value as text; <paramref name="invalidUtf8"/> when it is bytes that do not decode.</summary>
    private static string? Text(JsonElement root, string name, out bool invalidUtf8)
    {
        invalidUtf8 = false;
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value[0].ValueKind is JsonValueKind.String or JsonValueKind.Array)
        {
            value = value[0]; // the field occurs several times
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Array:
                var bytes = new byte[value.GetArrayLength()];
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number || !item.TryGetByte(out bytes[i++]))
                    {
                        invalidUtf8 = true;
                        return null;
                    }
                }
                try
                {
                    return StrictUtf8.GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    invalidUtf8 = true;
                    return null;
                }
            default:
                return null;
        }
    }
}
