namespace Storage.Influx.Writing;

/// <summary>What to do with a batch after a write attempt.</summary>
public enum InfluxWriteOutcome
{
    /// <summary>2xx: every point stored; commit.</summary>
    Written,

    /// <summary>InfluxDB stored some points and rejected others (1.x <c>partial write</c>): commit, count the rejected.</summary>
    PartiallyWritten,

    /// <summary>400/422 bad data: retrying cannot help; the batch is dropped, counted and logged with the server's message.</summary>
    Rejected,

    /// <summary>401/403: wrong or missing credentials; a configuration error. Keep the batch and retry.</summary>
    Unauthorized,

    /// <summary>404 with "database not found" (V1): create the database when allowed, keep the batch, retry.</summary>
    DatabaseNotFound,

    /// <summary>Any other 4xx (wrong URL, bucket, body too large): a configuration error. Keep the batch and retry.</summary>
    Misconfigured,

    /// <summary>Connection refused, timeout, 429, 5xx: transient. Keep the batch and retry with back-off.</summary>
    Unavailable,
}
