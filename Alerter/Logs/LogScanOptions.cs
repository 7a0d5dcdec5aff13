namespace Alerter.Logs;

/// <summary>Log-scan jobs. Section <c>Alerter:Logs</c>.</summary>
public sealed class LogScanOptions
{
    public const string Section = "Alerter:Logs";

    /// <summary>The logs to scan. At least one for <c>alerter run</c>.</summary>
    public List<LogSourceOptions> Sources { get; set; } = [];

    /// <summary>Time between two scans of a file. Default 5 s; at least 100 ms. Ignored when <see cref="Cron"/> is set.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Optional Quartz cron expression (seconds first, e.g. <c>0/10 * * * * ?</c>) instead of <see cref="Interval"/>.</summary>
    public string? Cron { get; set; }

    /// <summary>Bytes of log read between two commits (events + checkpoint). Default 4 MiB.</summary>
    public long BatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Read buffer in bytes; a longer line is skipped and counted overlong. Default 1 MiB.</summary>
    public int ReadBufferBytes { get; set; } = 1024 * 1024;

    /// <summary>Lines longer than this are skipped and counted (LogScanner's limit). Default 64 KiB.</summary>
    public int MaxLineBytes { get; set; } = 64 * 1024;

    /// <summary>UTC offset of RFC 3164 timestamps (they carry no zone). Default: this machine's local offset.</summary>
    public TimeSpan? AssumedUtcOffset { get; set; }

    /// <summary>The offset to read RFC 3164 timestamps with at <paramref name="now"/>: the configured one, else the machine's (which moves with daylight saving).</summary>
    public TimeSpan UtcOffsetAt(DateTimeOffset now) => AssumedUtcOffset ?? TimeZoneInfo.Local.GetUtcOffset(now);

    /// <summary>Time between two one-line health summaries in the worker's log. Default 1 min.</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromMinutes(1);
}
