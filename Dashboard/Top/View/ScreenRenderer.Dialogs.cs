using HAProxy.Admin;
using Dashboard.Top.Input;
using Dashboard.Top.Model;
using Dashboard.Top.Columns;

namespace Dashboard.Top.View;

public static partial class ScreenRenderer
{
    private static void RenderHelp(TopModel model, int width, List<ScreenLine> body)
    {
        var entries = new List<(string Text, Tone Tone)>();
        foreach (var section in Keymap.Sections)
        {
            entries.Add((section.Title, Tone.Heading));
            foreach (var binding in section.Bindings.Where(b => b.Label.Length > 0))
            {
                entries.Add(($"  {binding.Label,-16}{binding.Help}", Tone.Normal));
            }
        }
        var height = Layout.BodyHeight(model);
        var columns = entries.Count > height && width >= 120 ? 2 : 1;
        var perColumn = (entries.Count + columns - 1) / columns;
        var columnWidth = width / columns;
        for (var row = 0; row < Math.Min(perColumn, height); row++)
        {
            var line = new LineBuilder(width);
            for (var c = 0; c < columns; c++)
            {
                var index = c * perColumn + row;
                if (index < entries.Count)
                {
                    line.Add(Format.Fit(" " + entries[index].Text, columnWidth, right: false), entries[index].Tone);
                }
            }
            body.Add(line.Build());
        }
    }

    /// <summary>Draws a dialog box over the middle of the body lines.</summary>
    private static void Overlay(Dialog dialog, int width, List<ScreenLine> body)
    {
        var (title, text, tone) = dialog switch
        {
            ConfirmDialog c => ("Confirm", $"{c.Description}\non {c.Endpoint}, by sending:\n\n    {c.Command}\n\nSend it?  y = yes   n / Esc = no", Tone.Dialog),
            MessageDialog m => (m.Title, m.Text + "\n\n(any key closes)", m.IsError ? Tone.Error : Tone.Dialog),
            WeightInputDialog w => ("Set weight", $"New weight for {w.Target.Proxy}/{w.Target.Service} (0-{AdminCommand.MaxWeight}):\n\n    {w.Buffer}_\n\nEnter = next (asks to confirm)   Esc = cancel", Tone.Dialog),
            _ => ("", "", Tone.Dialog),
        };
        var inner = Math.Max(10, Math.Min(width - 6, 90));
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            lines.AddRange(Wrap(paragraph, inner));
        }
        var boxWidth = Math.Min(width, Math.Max(lines.Max(l => l.Length), title.Length + 2) + 4);
        var left = Math.Max(0, (width - boxWidth) / 2);
        var box = new List<string>
        {
            "┌─ " + title + " " + new string('─', Math.Max(0, boxWidth - title.Length - 5)) + "┐",
        };
        box.AddRange(lines.Select(l => "│ " + l.PadRight(boxWidth - 4) + " │"));
        box.Add("└" + new string('─', Math.Max(0, boxWidth - 2)) + "┘");
        var top = Math.Max(0, (body.Count - box.Count) / 2);
        for (var i = 0; i < box.Count && top + i < body.Count; i++)
        {
            body[top + i] = new LineBuilder(width).Add(new string(' ', left)).Add(box[i], tone).Build();
        }
    }

    private static IEnumerable<string> Wrap(string paragraph, int width)
    {
        if (paragraph.Length == 0)
        {
            yield return "";
            yield break;
        }
        var rest = paragraph;
        while (rest.Length > width)
        {
            var cut = rest.LastIndexOf(' ', width);
            if (cut <= 0)
            {
                cut = width;
            }
            yield return rest[..cut];
            rest = rest[cut..].TrimStart();
        }
        yield return rest;
    }
}
