namespace HAProxy.Fields;

/// <summary>The nature of a stats field, after HAProxy's own <c>show stat typed</c> natures.</summary>
public enum FieldKind
{
    /// <summary>Cumulative since the process started; reset by reload/restart. Turned into a rate.</summary>
    Counter,
    /// <summary>A current level (sessions, queue, weight).</summary>
    Gauge,
    /// <summary>HAProxy's own per-second rate over the last second.</summary>
    Rate,
    /// <summary>A peak since start.</summary>
    Max,
    /// <summary>A time span (averages over the last 1024 requests, check duration, total downtime).</summary>
    Duration,
    /// <summary>Seconds since something happened.</summary>
    Age,
    /// <summary>A configured limit.</summary>
    Limit,
    /// <summary>An identifier (proxy, server, ids).</summary>
    Name,
    /// <summary>Free text or an enumerated state.</summary>
    Output,
}
