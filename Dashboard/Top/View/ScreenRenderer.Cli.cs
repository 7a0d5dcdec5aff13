using Dashboard.Top.Model;
using Dashboard.Top.Update;

namespace Dashboard.Top.View;

public static partial class ScreenRenderer
{
    private static ScreenLine CliTitle(TopModel model, int width)
    {
        var endpoint = TopUpdate.CliEndpoint(model);
        var level = model.Nodes.FirstOrDefault(n => n.Endpoint == endpoint)?.Snapshot?.CliLevel ?? "unknown";
        return new LineBuilder(width)
            .Add($" CLI on {endpoint} (level {level}{(model.ReadOnly ? ", read-only" : "")})", Tone.Heading)
            .Add("  Enter sends, Up/Down history, PgUp/PgDn scroll, Esc leaves", Tone.Heading)
            .Build(Tone.Heading);
    }

    private static void RenderCli(TopModel model, int width, List<ScreenLine> body)
    {
        var height = Layout.BodyHeight(model);
        var visible = height - 1;
        var scrollback = model.Cli.Scrollback;
        var end = Math.Max(0, scrollback.Count - model.Cli.ScrollOffset);
        var start = Math.Max(0, end - visible);
        for (var i = start; i < end; i++)
        {
            var text = scrollback[i];
            var tone = text.StartsWith("Refused:", StringComparison.Ordinal) || text.StartsWith("Error:", StringComparison.Ordinal)
                ? Tone.Error
                : IsPromptLine(text, model) ? Tone.Active : Tone.Normal;
            body.Add(new LineBuilder(width).Add(text.Replace('\t', ' '), tone).Build());
        }
        while (body.Count < visible)
        {
            body.Add(new LineBuilder(width).Build());
        }
        var input = new LineBuilder(width)
            .Add(TopUpdate.CliEndpoint(model) + "> ", Tone.Active)
            .Add(model.Cli.Input)
            .Add(model.Cli.Busy ? " (waiting for reply)" : "_", Tone.Dim);
        if (model.Cli.ScrollOffset > 0)
        {
            input.Add($"   [scrolled up {model.Cli.ScrollOffset} lines]", Tone.Dim);
        }
        body.Add(input.Build());
    }

    private static bool IsPromptLine(string text, TopModel model) =>
        model.Nodes.Any(n => text.StartsWith(n.Endpoint + "> ", StringComparison.Ordinal));
}
