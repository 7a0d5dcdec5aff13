using System.Globalization;

namespace HAProxy.Stats;

/// <summary>
/// One row of a <see cref="StatTable"/>: a view over the reply text, so cells are only turned into strings or
/// numbers when asked for. An empty cell means "not applicable to this row type" and reads as null.
/// </summary>
public readonly struct StatRow
{
    private readonly StatTable _table;
    private readonly int _index;

    internal StatRow(StatTable table, int index)
    {
        _table = table;
        _index = index;
    }

    public StatTable Table => _table;

    public string ProxyName => _table.GetString(_index, _table.ProxyNameColumn)!;

    public string ServiceName => _table.GetString(_index, _table.ServiceNameColumn)!;

    public StatRowType Type
    {
        get
        {
            var span = GetSpan(_table.TypeColumn);
            return span.Length == 1 && span[0] is >= '0' and <= '3' ? (StatRowType)(span[0] - '0') : StatRowType.Unknown;
        }
    }

    public ServerStatus Status => ServerStatus.Parse(GetSpan(_table.StatusColumn));

    /// <summary>The raw cell; empty when the column is absent or the cell is empty.</summary>
    public ReadOnlySpan<char> GetSpan(int column) => _table.GetSpan(_index, column);

    public ReadOnlySpan<char> GetSpan(string column) => GetSpan(_table.IndexOf(column));

    public bool IsEmpty(int column) => GetSpan(column).IsEmpty;

    /// <summary>The cell as text, or null when empty or absent.</summary>
    public string? GetString(int column) => _table.GetString(_index, column);

    public string? GetString(string column) => GetString(_table.IndexOf(column));

    /// <summary>The cell as an integer, or null when empty, absent or not a number.</summary>
    public long? GetInt64(int column)
    {
        var span = GetSpan(column);
        return !span.IsEmpty && long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public long? GetInt64(string column) => GetInt64(_table.IndexOf(column));

    public double? GetDouble(int column)
    {
        var span = GetSpan(column);
        return !span.IsEmpty && double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public double? GetDouble(string column) => GetDouble(_table.IndexOf(column));

    public override string ToString() => $"{ProxyName}/{ServiceName}";
}
