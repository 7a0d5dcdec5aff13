using Storage.Samples;

namespace Collector.Health;

/// <summary>One sink's status plus its extra metrics.</summary>
public sealed record SinkReport(SinkStatus Status, IReadOnlyList<KeyValuePair<string, double>> Metrics);
