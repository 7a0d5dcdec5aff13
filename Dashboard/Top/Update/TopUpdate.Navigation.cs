using Dashboard.Top.Model;

namespace Dashboard.Top.Update;

public static partial class TopUpdate
{
    /// <summary>Moves the selection to <paramref name="index"/> (clamped), records its key and scrolls it into view.</summary>
    internal static TopModel Select(TopModel model, int index)
    {
        var count = model.Rows.Count;
        var selected = count == 0 ? 0 : Math.Clamp(index, 0, count - 1);
        var key = count == 0 ? model.SelectedKey : KeyOf(model, model.Rows[selected]);
        return Scroll(model with { Selected = selected, SelectedKey = key });
    }

    /// <summary>Keeps the selected row on screen and the window inside the row list.</summary>
    private static TopModel Scroll(TopModel model)
    {
        var body = Layout.BodyHeight(model);
        var top = model.Top;
        if (model.Selected < top)
        {
            top = model.Selected;
        }
        else if (model.Selected >= top + body)
        {
            top = model.Selected - body + 1;
        }
        top = Math.Clamp(top, 0, Math.Max(0, model.Rows.Count - body));
        return top == model.Top ? model : model with { Top = top };
    }

    /// <summary>
    /// Recomputes the displayed rows and puts the selection back on the same server (by key). When that
    /// server is not shown (filtered out, node reconnecting) the index is kept and the key remembered, so the
    /// selection returns to it when it is back.
    /// </summary>
    internal static TopModel WithRows(TopModel model)
    {
        var rows = RowOrdering.Compute(model);
        var changed = model with { Rows = rows };
        if (model.SelectedKey is { } key)
        {
            var found = Find(changed, key);
            if (found >= 0)
            {
                return Scroll(changed with { Selected = found });
            }
            return Scroll(changed with { Selected = rows.Length == 0 ? 0 : Math.Clamp(model.Selected, 0, rows.Length - 1) });
        }
        return Select(changed, model.Selected);
    }

    internal static RowKey KeyOf(TopModel model, RowRef row)
    {
        var node = model.Nodes[row.Node];
        var derived = node.Snapshot!.Rows[row.Row];
        return new RowKey(node.Endpoint, derived.Proxy, derived.Service);
    }

    private static int Find(TopModel model, RowKey key)
    {
        for (var i = 0; i < model.Rows.Count; i++)
        {
            var row = model.Rows[i];
            var node = model.Nodes[row.Node];
            if (!string.Equals(node.Endpoint, key.Endpoint, StringComparison.Ordinal))
            {
                continue;
            }
            var derived = node.Snapshot!.Rows[row.Row];
            if (string.Equals(derived.Service, key.Service, StringComparison.Ordinal)
                && string.Equals(derived.Proxy, key.Proxy, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The highlighted row, if any: what admin actions apply to.</summary>
    internal static RowRef? SelectedRow(TopModel model) =>
        model.Rows.Count == 0 ? null : model.Rows[Math.Clamp(model.Selected, 0, model.Rows.Count - 1)];
}
