namespace Alerter.Logs;

/// <summary>What one scan run of one log path did.</summary>
public sealed record FileScanResult(string Path, ScanAction Action, string Reason, long Bytes, long Events, long Inserted, long Malformed, long Offset);
