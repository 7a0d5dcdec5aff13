
namespace Storage.Reading;

/// <summary>Pure: folds rows into per-step buckets, the mean of the averages and the max of the maxima, per field; empty buckets stay null.</summary>
public sealed class RangeBuckets(int buckets, int fields)
{
    private readonly double[] _sum = new double[buckets * fields];
    private readonly int[] _count = new int[buckets * fields];
    private readonly double[] _max = new double[buckets * fields];

    public void Add(int bucket, ReadOnlySpan<double?> avg, ReadOnlySpan<double?> max)
    {
        if (bucket < 0 || bucket >= buckets)
        {
            return;
        }
        for (var f = 0; f < fields; f++)
        {
            if (avg[f] is not { } value)
            {
                continue;
            }
            var slot = f * buckets + bucket;
            var top = max[f] ?? value;
            _max[slot] = _count[slot] == 0 ? top : Math.Max(_max[slot], top);
            _sum[slot] += value;
            _count[slot]++;
        }
    }

    public SeriesRange ToSeries(SeriesId id, IReadOnlyList<string> names)
    {
        var avg = new Dictionary<string, double?[]>(names.Count, StringComparer.Ordinal);
        var max = new Dictionary<string, double?[]>(names.Count, StringComparer.Ordinal);
        for (var f = 0; f < fields; f++)
        {
            var a = new double?[buckets];
            var m = new double?[buckets];
            for (var b = 0; b < buckets; b++)
            {
                var slot = f * buckets + b;
                if (_count[slot] > 0)
                {
                    a[b] = _sum[slot] / _count[slot];
                    m[b] = _max[slot];
                }
            }
            avg[names[f]] = a;
            max[names[f]] = m;
        }
        return new SeriesRange(id, avg, max);
    }
}
