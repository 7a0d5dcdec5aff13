
namespace Storage.Influx.Spool;

/// <summary>
/// Durable FIFO of line-protocol batches: append-only segment files (<c>{id:D16}.seg</c>) of length-prefixed,
/// CRC-checked records, fsynced per record, and a read position advanced durably only after InfluxDB
/// acknowledged a batch. Bounded: when the files exceed the bound, whole oldest segments are deleted and their
/// unsent points counted as dropped. Thread-safe (one lock; appends and reads are short).
/// <para>
/// Delivery is at least once: a batch sent but not yet committed when the process dies is sent again after
/// restart. That creates no duplicates because a point's identity in InfluxDB is measurement + tag set +
/// timestamp, and the timestamp is the sample's own time encoded at spool time (never "now" at send time),
/// so a resent point overwrites itself with the same values.
/// </para>
/// </summary>
public sealed partial class InfluxSpool : IDisposable
{
    private readonly object _gate = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly long _segmentBytes;
    private readonly SpoolPositionFile _position;
    private readonly FileStream _lock;
    private readonly LinkedList<RecordInfo> _pending = new();
    private readonly SortedDictionary<long, long> _segmentSizes = new();
    private FileStream? _writer;
    private long _writerSegment;
    private long _pendingPoints;
    private long _pendingBytes;

    public InfluxSpool(string directory, long maxBytes, long segmentBytes)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _segmentBytes = segmentBytes;
        _position = new SpoolPositionFile(directory);
        Directory.CreateDirectory(directory);
        _lock = Lock(directory);
        Recover();
    }

    /// <summary>
    /// Two processes appending to one spool would interleave records and each replay the other's: an exclusive
    /// lock (flock; released by the kernel however the holder dies) makes the second one stop at start instead.
    /// </summary>
    private static FileStream Lock(string directory)
    {
        var path = Path.Combine(directory, "spool.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new SpoolInUseException(
                $"The InfluxDB spool {directory} is in use by another process (a second Collector or Alerter with the same SpoolDirectory?). "
                + "Give each process its own SpoolDirectory.", ex);
        }
    }

    /// <summary>Points appended and not yet committed.</summary>
    public long PendingPoints
    {
        get
        {
            lock (_gate)
            {
                return _pendingPoints;
            }
        }
    }

    /// <summary>Bytes of records appended and not yet committed.</summary>
    public long PendingBytes
    {
        get
        {
            lock (_gate)
            {
                return _pendingBytes;
            }
        }
    }

    /// <summary>Bytes of all segment files on disk (what the bound applies to).</summary>
    public long FileBytes
    {
        get
        {
            lock (_gate)
            {
                return _segmentSizes.Values.Sum();
            }
        }
    }

    /// <summary>Problems found when the spool was opened (torn records cut off), for the log.</summary>
    public IReadOnlyList<string> RecoveryNotes => _recoveryNotes;

    /// <summary>Appends one batch and fsyncs it; when the bound is exceeded, drops the oldest segments.</summary>
    public SpoolAppendResult Append(ReadOnlySpan<byte> payload, int points, bool gzip)
    {
        Span<byte> header = stackalloc byte[SpoolRecordFormat.HeaderSize];
        SpoolRecordFormat.WriteHeader(header, payload, points, gzip);
        var length = SpoolRecordFormat.HeaderSize + payload.Length;
        lock (_gate)
        {
            var writer = WriterFor(length);
            var offset = writer.Position;
            try
            {
                writer.Write(header);
                writer.Write(payload);
                writer.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // Disk full or failing: cut the partial record off so later appends stay readable.
                writer.SetLength(offset);
                throw;
            }
            _segmentSizes[_writerSegment] = writer.Position;
            _pending.AddLast(new RecordInfo(_writerSegment, offset, length, points));
            _pendingPoints += points;
            _pendingBytes += length;
            var (droppedPoints, droppedSegments) = EnforceBound();
            return new SpoolAppendResult(length, droppedPoints, droppedSegments);
        }
    }

    /// <summary>The oldest uncommitted record, read from disk; null when the spool is empty.</summary>
    public SpoolRecord? Peek()
    {
        RecordInfo head;
        lock (_gate)
        {
            if (_pending.First is null)
            {
                return null;
            }
            head = _pending.First.Value;
        }
        var bytes = new byte[head.Length];
        try
        {
            using var file = new FileStream(SegmentPath(head.Segment), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            file.Position = head.Offset;
            file.ReadExactly(bytes);
        }
        catch (FileNotFoundException)
        {
            return null; // dropped by the bound meanwhile; the next Peek sees the new head
        }
        SpoolRecordFormat.TryReadHeader(bytes, out var length, out var points, out var gzip, out _);
        return new SpoolRecord(head.Segment, head.Offset, head.Length, points, gzip, bytes[SpoolRecordFormat.HeaderSize..(SpoolRecordFormat.HeaderSize + length)]);
    }

    /// <summary>Marks <paramref name="record"/> as delivered: the read position moves past it durably.</summary>
    /// <returns>False when the record was no longer the head (dropped by the bound while in flight).</returns>
    public bool Commit(SpoolRecord record)
    {
        lock (_gate)
        {
            if (_pending.First is not { } head || head.Value.Segment != record.Segment || head.Value.Offset != record.Offset)
            {
                return false;
            }
            _pending.RemoveFirst();
            _pendingPoints -= head.Value.Points;
            _pendingBytes -= head.Value.Length;
            var next = _pending.First?.Value;
            var (segment, offset) = next is { } n ? (n.Segment, n.Offset) : (record.Segment, record.Offset + record.Length);
            _position.Write(segment, offset);
            DeleteSegmentsBefore(segment);
            return true;
        }
    }

    private FileStream WriterFor(int recordLength)
    {
        if (_writer is not null && _writer.Position > 0 && _writer.Position + recordLength > _segmentBytes)
        {
            _writer.Dispose();
            _writer = null;
            _writerSegment++;
        }
        if (_writer is null)
        {
            _writer = new FileStream(SegmentPath(_writerSegment), FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
            _segmentSizes.TryAdd(_writerSegment, _writer.Position);
        }
        return _writer;
    }

    private (long Points, int Segments) EnforceBound()
    {
        long droppedPoints = 0;
        var droppedSegments = 0;
        while (_segmentSizes.Values.Sum() > _maxBytes && _segmentSizes.Count > 1)
        {
            var oldest = _segmentSizes.Keys.First();
            while (_pending.First is { } head && head.Value.Segment == oldest)
            {
                _pending.RemoveFirst();
                _pendingPoints -= head.Value.Points;
                _pendingBytes -= head.Value.Length;
                droppedPoints += head.Value.Points;
            }
            DeleteSegment(oldest);
            droppedSegments++;
        }
        if (droppedSegments > 0)
        {
            var next = _pending.First?.Value;
            _position.Write(next?.Segment ?? _writerSegment, next?.Offset ?? _writer!.Position);
        }
        return (droppedPoints, droppedSegments);
    }

    private void DeleteSegmentsBefore(long segment)
    {
        foreach (var id in _segmentSizes.Keys.Where(id => id < segment && id != _writerSegment).ToList())
        {
            DeleteSegment(id);
        }
    }

    private void DeleteSegment(long id)
    {
        _segmentSizes.Remove(id);
        File.Delete(SegmentPath(id));
    }

    private string SegmentPath(long id) => Path.Combine(_directory, $"{id:D16}.seg");

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
            _lock.Dispose();
        }
    }

    private readonly record struct RecordInfo(long Segment, long Offset, int Length, int Points);
}
