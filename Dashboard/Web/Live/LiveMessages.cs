using Dashboard.Web.Api;
using Storage.Reading;

namespace Dashboard.Web.Live;

/// <summary>
/// SSE <c>rows</c>: rows with a newer sample since the last message (and the keys of rows that left the catalogue).
/// Frontend, backend and server rows travel as arrays in the order of <see cref="LiveRowColumns.Names"/> (given in
/// <see cref="Columns"/>): 10,000 servers every poll are ~2.5 MB instead of ~4.5 MB of objects, and parsing them is
/// what a watching browser spends its CPU on. Process and system rows (<see cref="Nodes"/>) keep the overview's shape.
/// </summary>
public sealed record LiveRows(long ReadAtUnixMs, IReadOnlyList<HostState> Hosts, IReadOnlyList<string> Columns,
    IReadOnlyList<object?[]> Rows, IReadOnlyList<OverviewRow> Nodes, IReadOnlyList<string> Removed)
{
    public static LiveRows From(long readAt, IReadOnlyList<HostState> hosts, IEnumerable<OverviewRow> rows, IReadOnlyList<string> removed)
    {
        var proxies = new List<object?[]>();
        var nodes = new List<OverviewRow>();
        foreach (var row in rows)
        {
            if (row.Node is null)
            {
                proxies.Add(LiveRowColumns.Values(row));
            }
            else
            {
                nodes.Add(row);
            }
        }
        return new LiveRows(readAt, hosts, LiveRowColumns.Names, proxies, nodes, removed);
    }
}

/// <summary>SSE <c>events</c>: transitions stored since the last message, newest first.</summary>
public sealed record LiveEvents(IReadOnlyList<StoredEvent> Events);

/// <summary>SSE <c>tick</c>: sent every poll, so a page tells a stale node (no new rows) from a dead stream.</summary>
public sealed record LiveTick(long ReadAtUnixMs, IReadOnlyList<HostState> Hosts);
