using HAProxy.Stats;

namespace HAProxy.Rates;

/// <summary>
/// Finds a row's counterpart in the previous <c>show stat</c> reply. HAProxy lists rows in the same order
/// every time, so the same position is tried first (no allocation); a name index is built only when the
/// configuration changed between polls.
/// </summary>
internal sealed class PreviousRowMatcher(StatTable previous)
{
    private Dictionary<(string Proxy, string Service, StatRowType Type), int>? _index;

    /// <summary>The position of <paramref name="row"/>'s counterpart in the previous table, or -1.</summary>
    public int Find(int position, StatRow row)
    {
        if (position < previous.Count)
        {
            var candidate = previous[position];
            if (candidate.Type == row.Type && SameCell(candidate, row, "pxname") && SameCell(candidate, row, "svname"))
            {
                return position;
            }
        }
        _index ??= BuildIndex();
        return _index.TryGetValue((row.ProxyName, row.ServiceName, row.Type), out var at) ? at : -1;
    }

    private static bool SameCell(StatRow a, StatRow b, string column) => a.GetSpan(column).SequenceEqual(b.GetSpan(column));

    private Dictionary<(string, string, StatRowType), int> BuildIndex()
    {
        var index = new Dictionary<(string, string, StatRowType), int>(previous.Count);
        for (var i = 0; i < previous.Count; i++)
        {
            var row = previous[i];
            index.TryAdd((row.ProxyName, row.ServiceName, row.Type), i);
        }
        return index;
    }
}
