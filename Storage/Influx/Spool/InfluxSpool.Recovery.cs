using System.Globalization;

namespace Storage.Influx.Spool;

public sealed partial class InfluxSpool
{
    private readonly List<string> _recoveryNotes = [];

    /// <summary>
    /// Rebuilds the in-memory index from the segment files: every record that checks and lies at or after the
    /// durable read position is pending. A torn record at the end of a segment (the process died during an
    /// append, before the append returned) is cut off; it was never acknowledged to the caller.
    /// </summary>
    private void Recover()
    {
        var position = _position.Read();
        var segments = Directory.EnumerateFiles(_directory, "*.seg")
            .Select(path => (Path: path, Id: ParseId(path)))
            .Where(s => s.Id >= 0)
            .OrderBy(s => s.Id)
            .ToList();
        foreach (var (path, id) in segments)
        {
            if (position is { } p && id < p.Segment)
            {
                File.Delete(path);
                continue;
            }
            var validLength = ScanSegment(path, id, position);
            _segmentSizes[id] = validLength;
        }
        _writerSegment = segments.Count == 0 ? 0 : segments[^1].Id;
        if (position is { } last && last.Segment > _writerSegment)
        {
            _writerSegment = last.Segment;
        }
    }

    private long ScanSegment(string path, long id, (long Segment, long Offset)? position)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1 << 16);
        var header = new byte[SpoolRecordFormat.HeaderSize];
        long offset = 0;
        while (true)
        {
            file.Position = offset;
            if (file.Length - offset < SpoolRecordFormat.HeaderSize)
            {
                break;
            }
            file.ReadExactly(header);
            if (!SpoolRecordFormat.TryReadHeader(header, out var length, out var points, out _, out var crc)
                || file.Length - offset - SpoolRecordFormat.HeaderSize < length)
            {
                break;
            }
            var payload = new byte[length];
            file.ReadExactly(payload);
            if (!SpoolRecordFormat.Verify(header, payload, crc))
            {
                break;
            }
            var size = SpoolRecordFormat.HeaderSize + length;
            var committed = position is { } p && id == p.Segment && offset < p.Offset;
            if (!committed)
            {
                _pending.AddLast(new RecordInfo(id, offset, size, points));
                _pendingPoints += points;
                _pendingBytes += size;
            }
            offset += size;
        }
        if (offset < file.Length)
        {
            _recoveryNotes.Add(string.Create(CultureInfo.InvariantCulture,
                $"segment {Path.GetFileName(path)}: {file.Length - offset} bytes after offset {offset} are not a complete record (torn write); cut off"));
            file.SetLength(offset);
            file.Flush(flushToDisk: true);
        }
        return offset;
    }

    private static long ParseId(string path) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
}
