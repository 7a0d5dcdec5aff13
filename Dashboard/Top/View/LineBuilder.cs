namespace Dashboard.Top.View;

/// <summary>Builds one screen line from segments, cropping at the width and padding to it.</summary>
internal sealed class LineBuilder
{
    private readonly int _width;
    private readonly List<Segment> _segments = [];
    private int _length;

    public LineBuilder(int width) => _width = width;

    public int Length => _length;

    public int Remaining => _width - _length;

    public LineBuilder Add(string text, Tone tone = Tone.Normal, bool reverse = false)
    {
        if (text.Length == 0 || _length >= _width)
        {
            return this;
        }
        var safe = Sanitise(text);
        if (safe.Length > _width - _length)
        {
            safe = safe[..(_width - _length)];
        }
        _length += safe.Length;
        if (_segments.Count > 0 && _segments[^1].Tone == tone && _segments[^1].Reverse == reverse)
        {
            _segments[^1] = _segments[^1] with { Text = _segments[^1].Text + safe };
        }
        else
        {
            _segments.Add(new Segment(safe, tone, reverse));
        }
        return this;
    }

    /// <summary>Pads with spaces in the given tone up to the full width (a selected row is reversed edge to edge).</summary>
    public ScreenLine Build(Tone padTone = Tone.Normal, bool reverse = false)
    {
        if (_length < _width)
        {
            Add(new string(' ', _width - _length), padTone, reverse);
        }
        return new ScreenLine(_segments.ToArray());
    }

    /// <summary>Control characters (from HAProxy replies or names) would move the cursor: show them as '?'.</summary>
    private static string Sanitise(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return string.Create(text.Length, text, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        span[i] = char.IsControl(source[i]) ? '?' : source[i];
                    }
                });
            }
        }
        return text;
    }
}
