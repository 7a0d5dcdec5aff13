namespace Dashboard.Top.Model;

/// <summary>
/// Bytes (in + out) of one row per time bucket, in a ring, for the sparkline. The poller adds to the bucket
/// of "now"; a snapshot remembers the bucket current when it was taken and the view reads only buckets up to
/// it. The ring holds twice the buckets shown, so the writer never overwrites a bucket that a published
/// snapshot can still display (it would have to run <see cref="Shown"/> buckets ahead of the screen).
/// </summary>
public sealed class TrafficHistory
{
    /// <summary>Buckets a sparkline shows.</summary>
    public const int Shown = 16;

    /// <summary>Seconds of traffic per bucket (one sparkline character): 16 x 10 s shows the last 2.7 minutes.</summary>
    public const int BucketSeconds = 10;

    private const int Capacity = Shown * 2;
    private readonly long[] _bytes = new long[Capacity];
    private long _newestBucket = long.MinValue;
    private long _oldestBucket = long.MinValue;

    /// <summary>Adds <paramref name="bytes"/> to bucket <paramref name="bucket"/> (monotonic; older buckets are ignored).</summary>
    public void Add(long bucket, long bytes)
    {
        if (_newestBucket == long.MinValue)
        {
            _newestBucket = _oldestBucket = bucket;
            _bytes[Slot(bucket)] = 0;
        }
        if (bucket < _newestBucket)
        {
            return;
        }
        for (var b = _newestBucket + 1; b <= bucket && b <= _newestBucket + Capacity; b++)
        {
            _bytes[Slot(b)] = 0;
        }
        if (bucket - Capacity + 1 > _oldestBucket)
        {
            _oldestBucket = bucket - Capacity + 1;
        }
        _newestBucket = bucket;
        _bytes[Slot(bucket)] += Math.Max(0, bytes);
    }

    /// <summary>
    /// Writes the <paramref name="destination"/>.Length buckets ending at <paramref name="asOfBucket"/>;
    /// -1 marks a bucket from before the history started.
    /// </summary>
    public void CopyTo(long asOfBucket, Span<long> destination)
    {
        var first = asOfBucket - destination.Length + 1;
        for (var i = 0; i < destination.Length; i++)
        {
            var bucket = first + i;
            destination[i] = _newestBucket == long.MinValue || bucket < _oldestBucket || bucket > _newestBucket || bucket <= asOfBucket - Capacity
                ? -1
                : _bytes[Slot(bucket)];
        }
    }

    private static int Slot(long bucket) => (int)(((bucket % Capacity) + Capacity) % Capacity);
}
