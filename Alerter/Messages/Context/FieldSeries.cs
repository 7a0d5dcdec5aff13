namespace Alerter.Messages.Context;

/// <summary>One stored field over the window: <paramref name="Times"/>[i] goes with <paramref name="Values"/>[i]; a null value is a gap (no interpolation across it).</summary>
public sealed record FieldSeries(string Field, IReadOnlyList<DateTimeOffset> Times, IReadOnlyList<double?> Values);
