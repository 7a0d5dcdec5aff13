using Alerter.Delivery;

namespace Alerter.Commands;

/// <summary>Everything <c>alerter status</c> prints, read from the database without a running daemon.</summary>
/// <param name="Period">The scan period; a file not scanned within 3 periods is stale.</param>
/// <param name="Influx">The export of events to InfluxDB, when it has ever run.</param>
public sealed record StatusReport(
    string DatabasePath, IReadOnlyList<FileStatus> Files, OutboxSnapshot? Outbox, TimeSpan Period, DateTimeOffset Now, InfluxExportStatus? Influx = null)
{
    /// <summary>How many scan periods may pass before a file counts as stale: 3.</summary>
    public const int StalePeriods = 3;

    public bool IsStale(FileStatus file) => file.LastScan is not { } last || Now - last > Period * StalePeriods;

    public IEnumerable<FileStatus> StaleFiles => Files.Where(IsStale);

    /// <summary>0 when every file was scanned recently, 1 otherwise (also when no file is known).</summary>
    public int ExitCode => Files.Count > 0 && !StaleFiles.Any() ? 0 : 1;
}
