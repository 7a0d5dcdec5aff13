namespace Storage.Influx.Spool;

/// <summary>
/// One spooled batch: line protocol for <see cref="Points"/> points, gzip-compressed when <see cref="Gzip"/>.
/// <see cref="Segment"/> and <see cref="Offset"/> locate it; <see cref="Length"/> is its size on disk, header included.
/// </summary>
public sealed record SpoolRecord(long Segment, long Offset, int Length, int Points, bool Gzip, byte[] Payload);
