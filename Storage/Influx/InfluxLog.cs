using Microsoft.Extensions.Logging;

namespace Storage.Influx;

/// <summary>The sink's log messages (structured; no secret is ever an argument).</summary>
internal static partial class InfluxLog
{
    [LoggerMessage(1, LogLevel.Information, "InfluxDB sink: {Api} writes to {Url}, spool {SpoolDirectory} holds {Points} points ({Bytes} bytes) from before")]
    public static partial void Started(ILogger logger, InfluxApiVersion api, string url, string spoolDirectory, long points, long bytes);

    [LoggerMessage(2, LogLevel.Warning, "InfluxDB spool recovery: {Note}")]
    public static partial void RecoveryNote(ILogger logger, string note);

    [LoggerMessage(3, LogLevel.Debug, "InfluxDB stored {Points} points; {Pending} points wait in the spool")]
    public static partial void Written(ILogger logger, int points, long pending);

    [LoggerMessage(4, LogLevel.Warning, "InfluxDB at {Url} is unavailable ({Status}: {Reason}); {Pending} points wait in the spool, next try in {Delay}")]
    public static partial void Unavailable(ILogger logger, string url, string status, string? reason, long pending, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Error, "InfluxDB at {Url} refused the credentials ({Status}: {Reason}). Check {Section}:Username and Password/PasswordFile (V1) or Token/TokenFile (V2). Nothing is dropped: {Pending} points wait in the spool, next try in {Delay}")]
    public static partial void Unauthorized(ILogger logger, string url, string status, string? reason, string section, long pending, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Error, "InfluxDB at {Url} answered {Status} ({Reason}): check {Section}:Url, Database/RetentionPolicy (V1) or Org/Bucket (V2), and BatchSize. Nothing is dropped: {Pending} points wait in the spool, next try in {Delay}")]
    public static partial void Misconfigured(ILogger logger, string url, string status, string? reason, string section, long pending, TimeSpan delay);

    [LoggerMessage(7, LogLevel.Error, "InfluxDB rejected {Rejected} of {Points} points as bad data ({Status}); they are dropped, not retried. Server said: {Reason}")]
    public static partial void Rejected(ILogger logger, int rejected, int points, int? status, string? reason);

    [LoggerMessage(8, LogLevel.Critical, "InfluxDB spool is full (bound {MaxBytes} bytes): DROPPED the {Points} oldest points ({Segments} segment files) to make room. InfluxDB has been unavailable too long; raise {Section}:SpoolMaxBytes or fix the server")]
    public static partial void SpoolOverflow(ILogger logger, long maxBytes, long points, int segments, string section);

    [LoggerMessage(9, LogLevel.Warning, "InfluxDB encoder skipped {Skipped} points without a measurement or usable field, left out {Fields} fields (NaN/Infinity/empty key) and {Tags} empty tags, altered {Sanitized} names/values line protocol cannot carry (newlines, trailing backslashes)")]
    public static partial void EncodeIssues(ILogger logger, long skipped, long fields, long tags, long sanitized);

    [LoggerMessage(10, LogLevel.Warning, "InfluxDB database {Database} did not exist; created it")]
    public static partial void DatabaseCreated(ILogger logger, string database);

    [LoggerMessage(11, LogLevel.Error, "InfluxDB sender loop failed; continuing")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "InfluxDB at {Url} is reachable again; replaying {Pending} spooled points in order")]
    public static partial void Recovered(ILogger logger, string url, long pending);

    [LoggerMessage(13, LogLevel.Critical, "InfluxDB spool in {SpoolDirectory} could not be written: DROPPED {Points} points. Check free space and permissions")]
    public static partial void SpoolWriteFailed(ILogger logger, int points, string spoolDirectory, Exception exception);
}
