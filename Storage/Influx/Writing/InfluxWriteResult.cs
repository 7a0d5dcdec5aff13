namespace Storage.Influx.Writing;

/// <summary>The outcome of one write request, as a value (failures included).</summary>
/// <param name="StatusCode">HTTP status, or null when no response arrived.</param>
/// <param name="RejectedPoints">Points InfluxDB refused (bad data); they will not be retried.</param>
/// <param name="Message">The server's error text (which names the offending line for 1.x) or the transport error.</param>
public sealed record InfluxWriteResult(InfluxWriteOutcome Outcome, int? StatusCode, int RejectedPoints, string? Message)
{
    public bool Retry => Outcome is InfluxWriteOutcome.Unauthorized or InfluxWriteOutcome.DatabaseNotFound
        or InfluxWriteOutcome.Misconfigured or InfluxWriteOutcome.Unavailable;
}
