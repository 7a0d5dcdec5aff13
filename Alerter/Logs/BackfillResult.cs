namespace Alerter.Logs;

/// <summary>What <c>alerter backfill</c> read and stored.</summary>
public sealed record BackfillResult(string Path, long Bytes, long Events, long Inserted, long BeforeFrom, long Malformed, long Overlong, long InvalidUtf8, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1048576.0 / Elapsed.TotalSeconds : 0;
}
