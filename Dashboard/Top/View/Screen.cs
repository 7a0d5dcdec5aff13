namespace Dashboard.Top.View;

/// <summary>A rendered screen: <see cref="Height"/> lines of <see cref="Width"/> characters. Pure data.</summary>
public sealed class Screen
{
    public Screen(int width, int height, IReadOnlyList<ScreenLine> lines)
    {
        Width = width;
        Height = height;
        Lines = lines;
    }

    public int Width { get; }

    public int Height { get; }

    public IReadOnlyList<ScreenLine> Lines { get; }

    /// <summary>All lines as plain text, trailing spaces removed, joined by '\n'.</summary>
    public string ToText() => string.Join('\n', Lines.Select(l => l.Text.TrimEnd()));

    /// <summary>All lines with tone tags (see <see cref="ScreenLine.Markup"/>).</summary>
    public string ToMarkup() => string.Join('\n', Lines.Select(l => l.Markup.TrimEnd()));

    public override string ToString() => ToText();
}
