namespace Storage.Samples;

/// <summary>
/// Where samples go (the embedded SQLite store, InfluxDB). A sink must not lose a batch it accepted: when its
/// backend is unavailable it keeps the batch (spool) and reports that through <see cref="GetStatus"/>.
/// </summary>
public interface ISampleSink
{
    /// <summary>Short name for logs and status (<c>sqlite</c>, <c>influxdb</c>).</summary>
    string Name { get; }

    /// <summary>Accepts one poll cycle's samples. Throws only for programming errors, never for an unavailable backend.</summary>
    Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken);

    /// <summary>Numbers for the health endpoint: spool depth, last error, points written.</summary>
    SinkStatus GetStatus();
}
