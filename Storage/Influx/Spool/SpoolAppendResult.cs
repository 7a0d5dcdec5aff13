namespace Storage.Influx.Spool;

/// <summary>What an append did: the record's size, and the oldest points dropped to stay within the bound.</summary>
public readonly record struct SpoolAppendResult(int Bytes, long DroppedPoints, int DroppedSegments);
