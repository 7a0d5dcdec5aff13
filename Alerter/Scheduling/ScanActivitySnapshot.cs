namespace Alerter.Scheduling;

/// <summary>Scan totals since the worker started.</summary>
public sealed record ScanActivitySnapshot(int Files, long Runs, long Failures, long Bytes, long Events, long Inserted, long Malformed);
