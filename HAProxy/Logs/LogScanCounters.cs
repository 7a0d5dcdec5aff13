namespace HAProxy.Logs;

/// <summary>What a scan saw. Mutable, so one instance can accumulate over many buffers.</summary>
public sealed class LogScanCounters
{
    public long BytesScanned { get; set; }

    public long Events { get; set; }

    /// <summary>Lines that looked like state changes but could not be parsed, plus garbage candidates.</summary>
    public long Malformed { get; set; }

    /// <summary>Lines longer than the scanner's maximum: skipped whole.</summary>
    public long Overlong { get; set; }

    /// <summary>Candidate lines that were not valid UTF-8 (decoded with replacement characters, then parsed or counted malformed).</summary>
    public long InvalidUtf8 { get; set; }
}
