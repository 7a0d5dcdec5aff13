namespace Collector.Health;

/// <summary>Extra numbers a sink reports beyond <see cref="Samples.SinkStatus"/> (the SQLite store's size).</summary>
public interface ISinkMetrics
{
    /// <summary>Numeric fields with units in their names, such as <c>database_bytes</c>.</summary>
    IReadOnlyList<KeyValuePair<string, double>> GetMetrics();
}
