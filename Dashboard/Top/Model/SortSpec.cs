namespace Dashboard.Top.Model;

/// <summary>Sort by a column id of the current mode; null column keeps HAProxy's configuration order.</summary>
public readonly record struct SortSpec(string? ColumnId, bool Descending)
{
    public static SortSpec None => default;
}
