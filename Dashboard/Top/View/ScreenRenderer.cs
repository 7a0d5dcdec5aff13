using Dashboard.Top.Model;

namespace Dashboard.Top.View;

/// <summary>
/// The view: renders a model to a <see cref="Screen"/> of exactly <see cref="TopModel.Width"/> x
/// <see cref="TopModel.Height"/> characters. Pure; cells are computed only for the rows that fit.
/// </summary>
public static partial class ScreenRenderer
{
    public static Screen Render(TopModel model)
    {
        var width = Math.Max(20, model.Width);
        var height = Math.Max(6, model.Height);
        var lines = new List<ScreenLine>(height);
        RenderHeader(model, width, lines);
        lines.Add(ModeBar(model, width));
        var body = new List<ScreenLine>(Layout.BodyHeight(model));
        if (model.Dialog is HelpDialog)
        {
            lines.Add(new LineBuilder(width).Add(" Keys (any key closes this help)", Tone.Heading).Build(Tone.Heading));
            RenderHelp(model, width, body);
        }
        else if (model.Mode == TopMode.Cli)
        {
            lines.Add(CliTitle(model, width));
            RenderCli(model, width, body);
        }
        else
        {
            var columns = Columns(model, width);
            lines.Add(ColumnHeading(model, columns, width));
            RenderRows(model, columns, width, body);
        }
        var bodyHeight = Layout.BodyHeight(model);
        while (body.Count < bodyHeight)
        {
            body.Add(new LineBuilder(width).Build());
        }
        if (model.Dialog is not null and not HelpDialog)
        {
            Overlay(model.Dialog, width, body);
        }
        lines.AddRange(body.Take(bodyHeight));
        lines.Add(StatusLine(model, width));
        while (lines.Count < height)
        {
            lines.Add(new LineBuilder(width).Build());
        }
        return new Screen(width, height, lines.Take(height).ToArray());
    }
}
