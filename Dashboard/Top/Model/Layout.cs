namespace Dashboard.Top.Model;

/// <summary>How the screen is divided; shared by the view and by the scrolling maths in the update.</summary>
public static class Layout
{
    /// <summary>Header lines: one per node, at most this many.</summary>
    public const int MaxNodeLines = 4;

    public static int HeaderLines(TopModel model) => Math.Clamp(model.Nodes.Count, 1, MaxNodeLines) + (model.Nodes.Count > MaxNodeLines ? 1 : 0);

    /// <summary>Lines for table rows (or CLI scrollback): the screen minus header, mode bar, column heading and status line.</summary>
    public static int BodyHeight(TopModel model) => Math.Max(1, model.Height - HeaderLines(model) - 3);
}
