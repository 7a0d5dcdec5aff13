using Dashboard.Top.Model;
using HAProxy.Stats;

namespace Dashboard.Top.Polling;

/// <summary>
/// Turns successive <c>show stat</c> tables of one endpoint into per-second rates (sessions, bytes in/out,
/// requests) and feeds each row's traffic history. A counter that went down, or a new Pid, means HAProxy
/// restarted counting: no rate for that sample (never a negative or stale one), and the new counter value
/// counts as the traffic since. Rows are matched by name, by position first (cheap) and by dictionary when
/// the layout changed. Not thread-safe: one tracker per poller.
/// </summary>
public sealed class RateTracker
{
    private static readonly string[] CounterNames = ["stot", "bin", "bout", "req_tot"];
    private const int Counters = 4;

    private RowDerived[] _rows = [];
    private long[] _counters = [];
    private int? _pid;
    private DateTimeOffset _at;

    /// <summary>Derives the rows of <paramref name="table"/>, polled at <paramref name="at"/> from process <paramref name="pid"/>.</summary>
    /// <returns>Rows aligned with the table, and the history bucket of <paramref name="at"/>.</returns>
    public (RowDerived[] Rows, long Bucket) Update(StatTable table, int? pid, DateTimeOffset at)
    {
        var bucket = at.ToUnixTimeSeconds() / TrafficHistory.BucketSeconds;
        var sameProcess = _pid is not null && pid == _pid && _rows.Length > 0;
        var seconds = (at - _at).TotalSeconds;
        var canRate = sameProcess && seconds > 0.05;
        var columns = new int[Counters];
        for (var c = 0; c < Counters; c++)
        {
            columns[c] = table.IndexOf(CounterNames[c]);
        }
        var proxyColumn = table.IndexOf("pxname");
        var serviceColumn = table.IndexOf("svname");

        var rows = new RowDerived[table.Count];
        var counters = new long[table.Count * Counters];
        Dictionary<(string, string), int>? byName = null;
        Span<float> rates = stackalloc float[Counters];
        for (var i = 0; i < table.Count; i++)
        {
            var row = table[i];
            var proxy = row.GetSpan(proxyColumn);
            var service = row.GetSpan(serviceColumn);
            var previous = -1;
            if (i < _rows.Length && proxy.SequenceEqual(_rows[i].Proxy) && service.SequenceEqual(_rows[i].Service))
            {
                previous = i;
            }
            else if (_rows.Length > 0)
            {
                byName ??= Index(_rows);
                previous = byName.GetValueOrDefault((proxy.ToString(), service.ToString()), -1);
            }
            long traffic = 0;
            for (var c = 0; c < Counters; c++)
            {
                var value = row.GetInt64(columns[c]) ?? -1;
                counters[i * Counters + c] = value;
                rates[c] = float.NaN;
                if (previous < 0 || value < 0)
                {
                    continue;
                }
                var old = _counters[previous * Counters + c];
                var delta = old < 0 ? -1 : value - old;
                if (canRate && delta >= 0)
                {
                    rates[c] = (float)(delta / seconds);
                }
                if (c is 1 or 2)
                {
                    traffic += sameProcess && delta >= 0 ? delta : value;
                }
            }
            var history = previous >= 0 ? _rows[previous].History : new TrafficHistory();
            history!.Add(bucket, previous >= 0 ? traffic : 0);
            rows[i] = new RowDerived(
                previous >= 0 ? _rows[previous].Proxy : proxy.ToString(),
                previous >= 0 ? _rows[previous].Service : service.ToString(),
                rates[0], rates[1], rates[2], rates[3], history);
        }
        _rows = rows;
        _counters = counters;
        _pid = pid;
        _at = at;
        return (rows, bucket);
    }

    private static Dictionary<(string, string), int> Index(RowDerived[] rows)
    {
        var index = new Dictionary<(string, string), int>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            index.TryAdd((rows[i].Proxy, rows[i].Service), i);
        }
        return index;
    }
}
