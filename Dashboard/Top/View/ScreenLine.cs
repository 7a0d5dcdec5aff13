using System.Text;

namespace Dashboard.Top.View;

/// <summary>One line of the screen, exactly <see cref="Screen.Width"/> characters wide once built.</summary>
public sealed class ScreenLine
{
    public ScreenLine(IReadOnlyList<Segment> segments) => Segments = segments;

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The plain text of the line.</summary>
    public string Text => string.Concat(Segments.Select(s => s.Text));

    /// <summary>
    /// The line with tones as markup-like tags (<c>[down]web/srv3 ...[/]</c>, <c>[!maint]</c> when reversed);
    /// Normal text has no tag. For tests and debugging.
    /// </summary>
    public string Markup
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var segment in Segments)
            {
                if (segment.Tone == Tone.Normal && !segment.Reverse)
                {
                    builder.Append(segment.Text);
                    continue;
                }
                builder.Append('[').Append(segment.Reverse ? "!" : "").Append(segment.Tone.ToString().ToLowerInvariant()).Append(']')
                    .Append(segment.Text).Append("[/]");
            }
            return builder.ToString();
        }
    }

    public override string ToString() => Text;
}
