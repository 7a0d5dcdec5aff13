namespace HAProxy.Logs;

/// <summary>Reads fixed words and non-negative numbers from the left of a span, for the counts sentence.</summary>
internal ref struct CountsReader(ReadOnlySpan<char> text)
{
    private ReadOnlySpan<char> _rest = text;

    public readonly bool AtEnd => _rest.IsEmpty;

    public bool Literal(string expected)
    {
        if (!_rest.StartsWith(expected))
        {
            return false;
        }
        _rest = _rest[expected.Length..];
        return true;
    }

    public bool Number(out int value)
    {
        var digits = 0;
        while (digits < _rest.Length && char.IsAsciiDigit(_rest[digits]))
        {
            digits++;
        }
        if (!SyslogEnvelope.TryParseDigits(_rest[..digits], out value))
        {
            return false;
        }
        _rest = _rest[digits..];
        return true;
    }
}
