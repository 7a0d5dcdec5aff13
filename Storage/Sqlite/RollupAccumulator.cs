using Storage.Samples;

namespace Storage.Sqlite;

/// <summary>
/// Pure: folds samples into 1-minute buckets per series (sum, count and max per numeric field) and hands out
/// a bucket when its minute is over. Field names are interned into one table so a bucket is three arrays.
/// </summary>
public sealed class RollupAccumulator
{
    public const long MinuteMs = 60_000;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly Dictionary<long, Bucket> _buckets = [];

    public int OpenBuckets => _buckets.Count;

    /// <summary>Adds one sample; when it starts a new minute for its series, the finished minute goes to <paramref name="completed"/>.</summary>
    public void Add(long seriesId, long timestampUnixMs, IReadOnlyList<KeyValuePair<string, FieldValue>> fields, List<RollupRow> completed)
    {
        var slots = new int[fields.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = Slot(fields[i].Key);
        }
        Add(seriesId, timestampUnixMs, slots, fields, stored: false, completed);
    }

    /// <summary>
    /// Adds one sample whose field names were resolved once with <see cref="SlotsFor"/> for its field set:
    /// <paramref name="slots"/> holds a slot per stored field (<see cref="FieldSetRegistry.IsStored"/>), so no
    /// name is looked up per sample.
    /// </summary>
    public void Add(long seriesId, long timestampUnixMs, int[] slots, IReadOnlyList<KeyValuePair<string, FieldValue>> fields, List<RollupRow> completed) =>
        Add(seriesId, timestampUnixMs, slots, fields, stored: true, completed);

    /// <summary>The accumulator slot of each name (for <see cref="Add(long, long, int[], IReadOnlyList{KeyValuePair{string, FieldValue}}, List{RollupRow})"/>).</summary>
    public int[] SlotsFor(IReadOnlyList<string> names)
    {
        var slots = new int[names.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = Slot(names[i]);
        }
        return slots;
    }

    private void Add(long seriesId, long timestampUnixMs, int[] slots, IReadOnlyList<KeyValuePair<string, FieldValue>> fields, bool stored, List<RollupRow> completed)
    {
        var minute = timestampUnixMs - (timestampUnixMs % MinuteMs + MinuteMs) % MinuteMs;
        if (!_buckets.TryGetValue(seriesId, out var bucket))
        {
            bucket = new Bucket(minute, MaxSlot(slots) + 1);
            _buckets[seriesId] = bucket;
        }
        else if (bucket.Minute != minute)
        {
            if (minute < bucket.Minute)
            {
                return; // a late sample for a minute already handed out: ignored rather than overwriting it
            }
            completed.Add(Complete(seriesId, bucket));
            bucket.Reset(minute);
        }
        bucket.Samples++;
        bucket.Ensure(MaxSlot(slots) + 1); // sized to this series' fields, not every name seen (10,000 buckets)
        var position = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var value = fields[i].Value;
            if (stored && !FieldSetRegistry.IsStored(value))
            {
                continue; // not in the field set: no slot of its own
            }
            var slot = slots[position++];
            if (value.Type == FieldValueType.String || value.AsDouble() is not { } number || !double.IsFinite(number))
            {
                continue;
            }
            bucket.Sum[slot] += number;
            bucket.Max[slot] = bucket.Count[slot] == 0 ? number : Math.Max(bucket.Max[slot], number);
            bucket.Count[slot]++;
        }
    }

    /// <summary>Hands out every bucket of a minute before <paramref name="minuteUnixMs"/> (series that stopped reporting).</summary>
    public void CompleteBefore(long minuteUnixMs, List<RollupRow> completed)
    {
        foreach (var (seriesId, bucket) in _buckets)
        {
            if (bucket.Minute < minuteUnixMs)
            {
                completed.Add(Complete(seriesId, bucket));
                _buckets.Remove(seriesId);
            }
        }
    }

    /// <summary>Hands out every open bucket, complete or not (at shutdown).</summary>
    public void CompleteAll(List<RollupRow> completed) => CompleteBefore(long.MaxValue, completed);

    private static int MaxSlot(int[] slots)
    {
        var max = -1;
        foreach (var slot in slots)
        {
            max = Math.Max(max, slot);
        }
        return max;
    }

    private int Slot(string name)
    {
        if (!_index.TryGetValue(name, out var slot))
        {
            slot = _names.Count;
            _names.Add(name);
            _index[name] = slot;
        }
        return slot;
    }

    private RollupRow Complete(long seriesId, Bucket bucket)
    {
        var fields = new List<RollupField>();
        for (var i = 0; i < Math.Min(bucket.Count.Length, _names.Count); i++)
        {
            if (bucket.Count[i] > 0)
            {
                fields.Add(new RollupField(_names[i], bucket.Sum[i] / bucket.Count[i], bucket.Max[i]));
            }
        }
        return new RollupRow(seriesId, bucket.Minute, bucket.Samples, fields);
    }

    private sealed class Bucket(long minute, int capacity)
    {
        public long Minute = minute;
        public int Samples;
        public double[] Sum = new double[capacity];
        public double[] Max = new double[capacity];
        public int[] Count = new int[capacity];

        public void Ensure(int size)
        {
            if (Sum.Length < size)
            {
                var grown = size;
                Array.Resize(ref Sum, grown);
                Array.Resize(ref Max, grown);
                Array.Resize(ref Count, grown);
            }
        }

        public void Reset(long minute)
        {
            Minute = minute;
            Samples = 0;
            Array.Clear(Sum);
            Array.Clear(Max);
            Array.Clear(Count);
        }
    }
}
