using HAProxy.Info;
using HAProxy.Stats;

namespace Dashboard.Top.Model;

/// <summary>
/// One successful poll of one endpoint: <c>show info</c>, <c>show stat</c> and the derived rates. Immutable once
/// published by the poller (the sparkline history is the documented exception: see <see cref="TrafficHistory"/>).
/// </summary>
/// <param name="Endpoint">The endpoint as given on the command line (unique per node).</param>
/// <param name="PolledAt">When <c>show stat</c> was sent (the sample time of the rates), in local time.</param>
/// <param name="Info">The process that answered.</param>
/// <param name="Table">The stats, rows in HAProxy's order.</param>
/// <param name="Rows">Derived data, aligned with <paramref name="Table"/>.</param>
/// <param name="CliLevel">The answer to <c>show cli level</c> (<c>admin</c>, <c>operator</c>, <c>user</c>), when known.</param>
/// <param name="PollDuration">Time from sending the first command to parsing the last reply.</param>
/// <param name="HistoryBucket">The sparkline bucket current at <paramref name="PolledAt"/>.</param>
public sealed record NodeSnapshot(
    string Endpoint,
    DateTimeOffset PolledAt,
    ProcessInfo Info,
    StatTable Table,
    RowDerived[] Rows,
    string? CliLevel,
    TimeSpan PollDuration,
    long HistoryBucket)
{
    /// <summary>Proxies (distinct names of frontend/backend rows) and servers in this snapshot.</summary>
    public (int Proxies, int Servers) Counts { get; } = Count(Table);

    private static (int, int) Count(StatTable table)
    {
        var proxies = 0;
        var servers = 0;
        string? lastProxy = null;
        var proxyColumn = table.IndexOf("pxname");
        foreach (var row in table)
        {
            var type = row.Type;
            if (type == StatRowType.Server)
            {
                servers++;
            }
            else if (type is StatRowType.Frontend or StatRowType.Backend)
            {
                var name = row.GetSpan(proxyColumn);
                if (lastProxy is null || !name.SequenceEqual(lastProxy))
                {
                    proxies++;
                    lastProxy = name.ToString();
                }
            }
        }
        return (proxies, servers);
    }
}
