using Dashboard.Top.View;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dashboard.Top.Terminal;

/// <summary>Turns a rendered <see cref="Screen"/> into one Spectre paragraph: the only Spectre-specific drawing code.</summary>
public static class SpectreScreen
{
    private static readonly Style[] Styles = BuildStyles(reverse: false);
    private static readonly Style[] ReversedStyles = BuildStyles(reverse: true);

    /// <summary>
    /// The screen as Spectre segments, line by line. The lines already fit the width, so Spectre's word
    /// wrapping (a Paragraph) is skipped: it cost more than everything else in a refresh.
    /// </summary>
    public static IRenderable ToRenderable(Screen screen) => new ScreenRenderable(screen);

    private sealed class ScreenRenderable(Screen screen) : Renderable
    {
        protected override Measurement Measure(RenderOptions options, int maxWidth) => new(Math.Min(screen.Width, maxWidth), Math.Min(screen.Width, maxWidth));

        protected override IEnumerable<Spectre.Console.Rendering.Segment> Render(RenderOptions options, int maxWidth)
        {
            for (var i = 0; i < screen.Lines.Count; i++)
            {
                var used = 0;
                foreach (var segment in screen.Lines[i].Segments)
                {
                    if (used >= maxWidth)
                    {
                        break;
                    }
                    var text = segment.Text.Length > maxWidth - used ? segment.Text[..(maxWidth - used)] : segment.Text;
                    used += text.Length;
                    yield return new Spectre.Console.Rendering.Segment(text, (segment.Reverse ? ReversedStyles : Styles)[(int)segment.Tone]);
                }
                if (i < screen.Lines.Count - 1)
                {
                    yield return Spectre.Console.Rendering.Segment.LineBreak;
                }
            }
        }
    }

    private static Style[] BuildStyles(bool reverse)
    {
        var tones = Enum.GetValues<Tone>();
        var styles = new Style[tones.Length];
        foreach (var tone in tones)
        {
            var (foreground, decoration) = tone switch
            {
                Tone.Title => (Color.White, Decoration.Bold),
                Tone.Heading => (Color.Black, Decoration.None),
                Tone.Dim => (Color.Grey, Decoration.None),
                Tone.Active => (Color.Aqua, Decoration.Bold),
                Tone.Aggregate => (Color.Aqua, Decoration.None),
                Tone.Up => (Color.Green, Decoration.None),
                Tone.Warn => (Color.Yellow, Decoration.None),
                Tone.Down => (Color.Red, Decoration.Bold),
                Tone.Maint => (Color.Fuchsia, Decoration.None),
                Tone.Drain => (Color.Orange1, Decoration.None),
                Tone.Error => (Color.Red, Decoration.None),
                Tone.Dialog => (Color.White, Decoration.None),
                _ => (Color.Default, Decoration.None),
            };
            var background = tone == Tone.Heading ? Color.Silver : tone == Tone.Dialog ? Color.NavyBlue : Color.Default;
            styles[(int)tone] = new Style(foreground, background, reverse ? decoration | Decoration.Invert : decoration);
        }
        return styles;
    }
}
