using Dashboard.Top.Model;
using HAProxy.Rates;
using HAProxy.Stats;

namespace Dashboard.Top.Polling;

/// <summary>
/// Turns successive samples of one endpoint into the viewer's per-row rates and traffic history, by the suite's one
/// reset-aware rule (<see cref="CounterDeltas"/>, as the Collector stores them): no rate across a new process (Pid
/// or Start_time), an uptime that went down, or a row whose counters went down; the first sample of a process has
/// none. After such a reset the new counter value counts as the traffic since. Rows keep their history across a
/// reload (matched by type and name). Not thread-safe: one tracker per poller.
/// </summary>
public sealed class RateTracker
{
    private RowDerived[] _rows = [];
    private StatSample? _previous;

    /// <summary>Derives the rows of <paramref name="current"/>.</summary>
    /// <returns>Rows aligned with its table, and the history bucket of its timestamp.</returns>
    public (RowDerived[] Rows, long Bucket) Update(StatSample current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var bucket = current.Timestamp.ToUnixTimeSeconds() / TrafficHistory.BucketSeconds;
        var deltas = CounterDeltas.Between(_previous, current);
        // The counters the viewer shows, by position in deltas.Counters (-1 when the table lacks one).
        var sessions = deltas.IndexOf("stot");
        var bytesIn = deltas.IndexOf("bin");
        var bytesOut = deltas.IndexOf("bout");
        var requests = deltas.IndexOf("req_tot");
        var table = current.Stats;
        var proxyColumn = table.IndexOf("pxname");
        var serviceColumn = table.IndexOf("svname");
        var rows = new RowDerived[table.Count];
        Span<long> rowDeltas = stackalloc long[deltas.Counters.Count];
        for (var i = 0; i < table.Count; i++)
        {
            var row = table[i];
            var previous = deltas.FindPrevious(i, row);
            var outcome = deltas.Compute(row, previous, rowDeltas);
            var history = previous >= 0 ? _rows[previous].History! : new TrafficHistory();
            history.Add(bucket, previous >= 0 ? Traffic(deltas, outcome, row, rowDeltas, bytesIn) + Traffic(deltas, outcome, row, rowDeltas, bytesOut) : 0);
            rows[i] = new RowDerived(
                previous >= 0 ? _rows[previous].Proxy : row.GetSpan(proxyColumn).ToString(),
                previous >= 0 ? _rows[previous].Service : row.GetSpan(serviceColumn).ToString(),
                Rate(deltas, rowDeltas, sessions),
                Rate(deltas, rowDeltas, bytesIn),
                Rate(deltas, rowDeltas, bytesOut),
                Rate(deltas, rowDeltas, requests),
                history);
        }
        _rows = rows;
        _previous = current;
        return (rows, bucket);
    }

    private static float Rate(CounterDeltas deltas, ReadOnlySpan<long> rowDeltas, int counter)
        => counter < 0 ? float.NaN : (float)deltas.Rate(rowDeltas[counter]);

    /// <summary>What one byte counter of this row counted since its previous sample.</summary>
    private static long Traffic(CounterDeltas deltas, RowDelta outcome, StatRow row, ReadOnlySpan<long> rowDeltas, int counter)
    {
        if (counter < 0)
        {
            return 0;
        }
        return outcome switch
        {
            RowDelta.Rated => rowDeltas[counter] == CounterDeltas.None ? 0 : rowDeltas[counter],
            RowDelta.NotContinuous when deltas.Continuity == Continuity.NoTimeElapsed => 0,
            // Counting restarted (a new process, or this row's counters reset): all it counted is new traffic.
            _ => Math.Max(0, row.GetInt64(deltas.Counters[counter].Column) ?? 0),
        };
    }
}
