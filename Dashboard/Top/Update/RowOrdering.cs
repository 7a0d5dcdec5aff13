using HAProxy.Names;
using Dashboard.Top.Model;
using Dashboard.Top.View;
using Dashboard.Top.Columns;

namespace Dashboard.Top.Update;

/// <summary>
/// Computes the displayed rows: every node's rows in HAProxy's order, minus those the proxy pattern or the
/// <c>/</c> filter excludes, sorted by the chosen column. Runs on new data, filter or sort, not on each key.
/// </summary>
public static class RowOrdering
{
    public static RowRef[] Compute(TopModel model)
    {
        var rows = new List<RowRef>();
        for (var n = 0; n < model.Nodes.Count; n++)
        {
            if (model.Nodes[n].Snapshot is not { } snapshot)
            {
                continue;
            }
            var statusColumn = snapshot.Table.IndexOf("status");
            for (var r = 0; r < snapshot.Rows.Length; r++)
            {
                var derived = snapshot.Rows[r];
                if (model.ProxyPattern is { } pattern && !NamePattern.IsMatch(pattern, derived.Proxy, ignoreCase: true))
                {
                    continue;
                }
                if (model.Filter.Length > 0
                    && !derived.Proxy.Contains(model.Filter, StringComparison.OrdinalIgnoreCase)
                    && !derived.Service.Contains(model.Filter, StringComparison.OrdinalIgnoreCase)
                    && !snapshot.Table[r].GetSpan(statusColumn).Contains(model.Filter, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                rows.Add(new RowRef(n, r));
            }
        }
        var array = rows.ToArray();
        if (model.Sort.ColumnId is { } id && ColumnSets.For(model.Mode, model.Nodes.Count > 1).FirstOrDefault(c => c.Id == id) is { } column)
        {
            Sort(model, array, column, model.Sort.Descending);
        }
        return array;
    }

    private static void Sort(TopModel model, RowRef[] rows, TopColumn column, bool descending)
    {
        var sign = descending ? -1 : 1;
        if (column.Number is { } number)
        {
            var keys = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                keys[i] = number(Source(model, rows[i]));
            }
            var order = Enumerable.Range(0, rows.Length).ToArray();
            // Stable, and empty (NaN) cells always last, whichever the direction.
            Array.Sort(order, (a, b) =>
            {
                var ka = keys[a];
                var kb = keys[b];
                var c = double.IsNaN(ka) ? (double.IsNaN(kb) ? 0 : 1) : double.IsNaN(kb) ? -1 : sign * ka.CompareTo(kb);
                return c != 0 ? c : a.CompareTo(b);
            });
            var sorted = order.Select(i => rows[i]).ToArray();
            sorted.CopyTo(rows, 0);
            return;
        }
        var texts = rows.Select(r => column.Text(Source(model, r))).ToArray();
        var indexes = Enumerable.Range(0, rows.Length).ToArray();
        Array.Sort(indexes, (a, b) =>
        {
            var c = sign * string.Compare(texts[a], texts[b], StringComparison.OrdinalIgnoreCase);
            return c != 0 ? c : a.CompareTo(b);
        });
        indexes.Select(i => rows[i]).ToArray().CopyTo(rows, 0);
    }

    internal static CellSource Source(TopModel model, RowRef row)
    {
        var node = model.Nodes[row.Node];
        return new CellSource(node.Snapshot!, row.Row, NodeLabels.Label(model, row.Node));
    }
}
