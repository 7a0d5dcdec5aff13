using System.Buffers;
using System.Globalization;
using System.Text;

namespace Storage.Influx;

/// <summary>Writes escaped UTF-8 line-protocol pieces into a buffer writer (the encoder's hot path).</summary>
internal ref struct Utf8LineWriter
{
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \\\n\r");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= \\\n\r");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\\n\r");

    private readonly IBufferWriter<byte> _output;
    private readonly EncodeStats _stats;

    public Utf8LineWriter(IBufferWriter<byte> output, EncodeStats stats)
    {
        _output = output;
        _stats = stats;
    }

    public void WriteByte(byte value)
    {
        var span = _output.GetSpan(1);
        span[0] = value;
        _output.Advance(1);
    }

    public void WriteAscii(string text)
    {
        var span = _output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }
        _output.Advance(text.Length);
    }

    public void WriteInteger(long value)
    {
        var span = _output.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _output.Advance(written);
    }

    public void WriteFloat(double value)
    {
        var span = _output.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        _output.Advance(written);
    }

    public void WriteEscaped(string text, EscapeContext context)
    {
        var specials = context switch
        {
            EscapeContext.Measurement => MeasurementSpecials,
            EscapeContext.StringValue => StringSpecials,
            _ => KeySpecials,
        };
        if (text.AsSpan().IndexOfAny(specials) < 0)
        {
            WriteUtf8(text);
            return;
        }
        // Worst case: a newline in a string value becomes three characters.
        var rented = ArrayPool<char>.Shared.Rent(text.Length * 3 + 1);
        try
        {
            var length = context == EscapeContext.StringValue
                ? EscapeString(text, rented)
                : EscapeName(text, rented, context);
            WriteUtf8(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        var span = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        _output.Advance(written);
    }

    private int EscapeString(string text, char[] target)
    {
        var n = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                case '\\':
                    target[n++] = '\\';
                    target[n++] = c;
                    break;
                case '\n':
                    // Stored by InfluxDB as the two characters \n (an escaped backslash, then n).
                    target[n++] = '\\';
                    target[n++] = '\\';
                    target[n++] = 'n';
                    _stats.Sanitized++;
                    break;
                case '\r':
                    target[n++] = '\\';
                    target[n++] = '\\';
                    target[n++] = 'r';
                    _stats.Sanitized++;
                    break;
                default:
                    target[n++] = c;
                    break;
            }
        }
        return n;
    }

    private int EscapeName(string text, char[] target, EscapeContext context)
    {
        var n = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                var end = i;
                while (end < text.Length && text[end] == '\\')
                {
                    target[n++] = '\\';
                    end++;
                }
                // InfluxDB's scanner pairs backslashes left to right: an odd run would escape whatever follows.
                if ((end - i) % 2 == 1 && (end == text.Length || IsEscaped(text[end], context) || (context == EscapeContext.FieldKey && text[end] == '"')))
                {
                    target[n++] = '\\';
                    _stats.Sanitized++;
                }
                i = end;
                continue;
            }
            if (IsEscaped(c, context))
            {
                target[n++] = '\\';
                target[n++] = c;
            }
            else if (c is '\n' or '\r')
            {
                target[n++] = '\\';
                target[n++] = c == '\n' ? 'n' : 'r';
                _stats.Sanitized++;
            }
            else
            {
                target[n++] = c;
            }
            i++;
        }
        return n;
    }

    private static bool IsEscaped(char c, EscapeContext context) =>
        c is ',' or ' ' || (c == '=' && context != EscapeContext.Measurement);
}
