using System.Collections;

namespace HAProxy.Stats;

/// <summary>
/// A parsed <c>show stat</c> reply: columns by header name (never by position), rows as views over the text.
/// Rows that could not be used are left out and described in <see cref="Issues"/>.
/// </summary>
public sealed class StatTable : IReadOnlyList<StatRow>
{
    private readonly string _text;
    private readonly int[] _cellStarts;
    private readonly int _stride;
    private readonly Dictionary<string, int> _columnIndex;

    internal StatTable(string text, string[] columns, int[] cellStarts, int rowCount, IReadOnlyList<StatParseIssue> issues, int skippedRows)
    {
        _text = text;
        Columns = columns;
        _cellStarts = cellStarts;
        _stride = columns.Length + 1;
        Count = rowCount;
        Issues = issues;
        SkippedRows = skippedRows;
        _columnIndex = new Dictionary<string, int>(columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            _columnIndex.TryAdd(columns[i], i);
        }
        ProxyNameColumn = IndexOf("pxname");
        ServiceNameColumn = IndexOf("svname");
        TypeColumn = IndexOf("type");
        StatusColumn = IndexOf("status");
    }

    /// <summary>Header names in reply order, including <c>-</c> and fields this code does not know.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows kept.</summary>
    public int Count { get; }

    /// <summary>Rows skipped (all of them, while <see cref="Issues"/> keeps the first few).</summary>
    public int SkippedRows { get; }

    public IReadOnlyList<StatParseIssue> Issues { get; }

    internal int ProxyNameColumn { get; }

    internal int ServiceNameColumn { get; }

    internal int TypeColumn { get; }

    internal int StatusColumn { get; }

    public StatRow this[int index] => (uint)index < (uint)Count ? new StatRow(this, index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The position of a column, or -1 when this HAProxy does not report it.</summary>
    public int IndexOf(string column) => _columnIndex.TryGetValue(column, out var index) ? index : -1;

    public bool HasColumn(string column) => _columnIndex.ContainsKey(column);

    internal ReadOnlySpan<char> GetSpan(int row, int column)
    {
        if ((uint)column >= (uint)Columns.Count)
        {
            return default;
        }
        var cell = row * _stride + column;
        var start = _cellStarts[cell];
        return _text.AsSpan(start, _cellStarts[cell + 1] - 1 - start);
    }

    internal string? GetString(int row, int column)
    {
        var span = GetSpan(row, column);
        return span.IsEmpty ? null : span.ToString();
    }

    public IEnumerator<StatRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new StatRow(this, i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
