using Dashboard.Web.Api;

namespace Dashboard.Web.Live;

/// <summary>
/// SSE <c>rows</c>: rows with a newer sample since the last message, and the rows that left the catalogue.
/// Frontend, backend and server rows travel as arrays in the order of <see cref="LiveRowColumns.Names"/> (given in
/// <see cref="Columns"/>), named by their <see cref="LiveRowIds"/> number; <see cref="Keys"/> introduces each number
/// once, as [id, kind, host, proxy, server]. With <see cref="KeysReset"/> (a stream's first message) Keys is the
/// whole table and numbers from an earlier stream mean nothing. 10,000 servers every poll are ~1 MB instead of
/// ~4.5 MB of objects, and parsing them is what a watching browser spends its CPU on. Process and system rows
/// (<see cref="Nodes"/>) keep the overview's shape.
/// </summary>
public sealed record LiveRows(long ReadAtUnixMs, IReadOnlyList<HostState> Hosts, bool KeysReset, IReadOnlyList<object?[]> Keys,
    IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, IReadOnlyList<OverviewRow> Nodes, IReadOnlyList<long> Removed)
{
    /// <summary>A poll's message: the changed rows, introducing those new to <paramref name="ids"/>; the removed rows' numbers are forgotten.</summary>
    public static LiveRows Changes(long readAt, IReadOnlyList<HostState> hosts, IEnumerable<OverviewRow> changed, IEnumerable<string> removed, LiveRowIds ids)
    {
        var keys = new List<object?[]>();
        var (proxies, nodes) = Split(changed, ids, (id, row) => keys.Add(LiveRowColumns.Identity(id, row)));
        var gone = new List<long>();
        foreach (var key in removed)
        {
            if (ids.TryForget(key, out var id))
            {
                gone.Add(id);
            }
        }
        return new LiveRows(readAt, hosts, false, keys, LiveRowColumns.Names, proxies, nodes, gone);
    }

    /// <summary>A stream's first message: the whole table of <paramref name="catalogue"/>, and the rows of it in <paramref name="newer"/>.</summary>
    public static LiveRows First(long readAt, IReadOnlyList<HostState> hosts, IEnumerable<OverviewRow> catalogue, IEnumerable<OverviewRow> newer, LiveRowIds ids)
    {
        var keys = new List<object?[]>();
        foreach (var row in catalogue.Where(r => r.Node is null))
        {
            keys.Add(LiveRowColumns.Identity(ids.Of(RowKey.Of(row), out _), row));
        }
        var (proxies, nodes) = Split(newer, ids, (_, _) => { });
        return new LiveRows(readAt, hosts, true, keys, LiveRowColumns.Names, proxies, nodes, []);
    }

    private static (List<object?[]> Proxies, List<OverviewRow> Nodes) Split(IEnumerable<OverviewRow> rows, LiveRowIds ids, Action<long, OverviewRow> introduce)
    {
        var proxies = new List<object?[]>();
        var nodes = new List<OverviewRow>();
        foreach (var row in rows)
        {
            if (row.Node is not null)
            {
                nodes.Add(row);
                continue;
            }
            var id = ids.Of(RowKey.Of(row), out var isNew);
            if (isNew)
            {
                introduce(id, row);
            }
            proxies.Add(LiveRowColumns.Values(id, row));
        }
        return (proxies, nodes);
    }
}
