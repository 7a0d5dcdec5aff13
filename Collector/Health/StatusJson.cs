using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collector.Health;

/// <summary>Renders a <see cref="StatusReport"/> as indented JSON for people and scripts.</summary>
public static class StatusJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Render(StatusReport report, bool healthy) =>
        JsonSerializer.Serialize(new
        {
            status = healthy ? "ok" : "degraded",
            report.Node,
            report.Now,
            intervalSeconds = report.Interval.TotalSeconds,
            report.Cycles,
            report.LastCycle,
            report.LastCycleDurationMs,
            report.Endpoints,
            sinks = report.Sinks.Select(s => new
            {
                s.Status.Name,
                s.Status.PointsWritten,
                s.Status.SpooledPoints,
                s.Status.SpoolBytes,
                s.Status.DroppedPoints,
                s.Status.LastSuccess,
                s.Status.LastError,
                s.Status.Degraded,
                metrics = s.Metrics.ToDictionary(m => m.Key, m => m.Value),
            }),
        }, Options);
}
