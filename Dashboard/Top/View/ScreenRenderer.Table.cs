using Dashboard.Top.Model;
using HAProxy.Stats;
using Dashboard.Top.Columns;

namespace Dashboard.Top.View;

public static partial class ScreenRenderer
{
    private const int NameGrowth = 18;

    /// <summary>The mode's columns, with the name columns widened into spare screen width.</summary>
    internal static IReadOnlyList<TopColumn> Columns(TopModel model, int width)
    {
        var columns = ColumnSets.For(model.Mode, model.Nodes.Count > 1).ToList();
        var spare = width - columns.Sum(c => c.Width + 1);
        if (spare <= 1)
        {
            return columns;
        }
        var grow = Math.Min(NameGrowth, spare / 2);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Id is ColumnSets.ProxyId or ColumnSets.ServiceId)
            {
                columns[i] = columns[i] with { Width = columns[i].Width + grow };
            }
        }
        return columns;
    }

    private static ScreenLine ColumnHeading(TopModel model, IReadOnlyList<TopColumn> columns, int width)
    {
        var line = new LineBuilder(width);
        foreach (var column in columns)
        {
            var heading = column.Heading;
            if (model.Sort.ColumnId == column.Id)
            {
                heading += model.Sort.Descending ? "▼" : "▲";
            }
            line.Add(Format.Fit(heading, column.Width, column.Right) + " ", Tone.Heading);
        }
        return line.Build(Tone.Heading);
    }

    private static void RenderRows(TopModel model, IReadOnlyList<TopColumn> columns, int width, List<ScreenLine> body)
    {
        var height = Layout.BodyHeight(model);
        if (model.Rows.Count == 0)
        {
            var why = model.Nodes.All(n => n.Snapshot is null)
                ? "Waiting for data..."
                : model.Filter.Length > 0 || model.ProxyPattern is not null ? "No row matches the filter." : "No rows.";
            body.Add(new LineBuilder(width).Add(" " + why, Tone.Dim).Build());
            return;
        }
        var end = Math.Min(model.Rows.Count, model.Top + height);
        for (var i = model.Top; i < end; i++)
        {
            var source = new CellSource(model.Nodes[model.Rows[i].Node].Snapshot!, model.Rows[i].Row, NodeLabels.Label(model, model.Rows[i].Node));
            var tone = RowTone(source.Row);
            var selected = i == model.Selected;
            var line = new LineBuilder(width);
            foreach (var column in columns)
            {
                line.Add(Format.Fit(column.Text(source), column.Width, column.Right) + " ", tone, selected);
            }
            body.Add(line.Build(tone, selected));
        }
    }

    /// <summary>Whole rows are coloured by state, as HATop does: DOWN red, MAINT, DRAIN, going down or NOLB amber.</summary>
    internal static Tone RowTone(StatRow row)
    {
        var status = row.Status;
        return status.State switch
        {
            ServerState.Down or ServerState.Stopped => Tone.Down,
            ServerState.Maint => Tone.Maint,
            ServerState.Drain => Tone.Drain,
            ServerState.NoLb or ServerState.Full => Tone.Warn,
            ServerState.Up when status.IsTransitioning => Tone.Warn,
            _ => row.Type is StatRowType.Frontend or StatRowType.Backend ? Tone.Aggregate : Tone.Normal,
        };
    }
}
