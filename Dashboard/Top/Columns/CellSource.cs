using Dashboard.Top.Model;
using HAProxy.Stats;

namespace Dashboard.Top.Columns;

/// <summary>What a column reads for one row: the stats row, the derived rates and the node.</summary>
public readonly struct CellSource
{
    public CellSource(NodeSnapshot snapshot, int row, string nodeLabel)
    {
        Snapshot = snapshot;
        RowIndex = row;
        NodeLabel = nodeLabel;
    }

    public NodeSnapshot Snapshot { get; }

    public int RowIndex { get; }

    public string NodeLabel { get; }

    public StatRow Row => Snapshot.Table[RowIndex];

    public RowDerived Derived => Snapshot.Rows[RowIndex];

    /// <summary>The raw cell text; empty when not applicable to this row type.</summary>
    public string Cell(string column) => Row.GetString(column) ?? "";

    public long? Int(string column) => Row.GetInt64(column);
}
