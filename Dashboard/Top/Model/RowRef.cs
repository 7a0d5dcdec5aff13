namespace Dashboard.Top.Model;

/// <summary>A displayed row: which node (index into <see cref="TopModel.Nodes"/>) and which row of its snapshot.</summary>
public readonly record struct RowRef(int Node, int Row);
