using Alerter.Sending.Outbox;

namespace Alerter.Commands;

/// <summary>Everything <c>alerter status</c> prints, read from the database without a running daemon.</summary>
/// <param name="Period">The scan period; a file not scanned within 3 periods is stale.</param>
/// <param name="Influx">The export of events to InfluxDB, when it has ever run.</param>
/// <param name="Journals">The journal sources read or chosen (none when the journal is not used).</param>
public sealed record StatusReport(
    string DatabasePath, IReadOnlyList<FileStatus> Files, OutboxSnapshot? Outbox, TimeSpan Period, DateTimeOffset Now, InfluxExportStatus? Influx = null,
    IReadOnlyList<JournalStatus>? Journals = null)
{
    public IReadOnlyList<JournalStatus> JournalSources => Journals ?? [];

    /// <summary>How many scan periods may pass before a file counts as stale: 3.</summary>
    public const int StalePeriods = 3;

    public bool IsStale(FileStatus file) => file.LastScan is not { } last || Now - last > Period * StalePeriods;

    public bool IsStale(JournalStatus journal) => journal.LastScan is not { } last || Now - last > Period * StalePeriods;

    public IEnumerable<FileStatus> StaleFiles => Files.Where(IsStale);

    /// <summary>Sources (file paths, journals) that cannot be read now.</summary>
    public IEnumerable<string> UnreadableSources => Files.Where(f => f.Problem is not null).Select(f => f.Path)
        .Concat(JournalSources.Where(j => j.Problem is not null).Select(j => j.Source));

    /// <summary>0 when every source was read recently and none has a problem; 1 otherwise (also when no source is known).</summary>
    public int ExitCode => Files.Count + JournalSources.Count > 0 && !StaleFiles.Any() && !JournalSources.Any(IsStale) && !UnreadableSources.Any() ? 0 : 1;
}
