using Storage.Schema;
using Collector.Rates;
using Storage.Samples;

namespace Collector.Health;

/// <summary>
/// Pure: the status report as <c>monitoring_collector</c> samples, one per endpoint (tag <c>endpoint</c>),
/// one per sink (tag <c>sink</c>) and one for the cycle, all tagged with the node's <c>host</c>.
/// </summary>
public static class MonitoringSampler
{
    public static IEnumerable<Sample> Build(StatusReport report, DateTimeOffset timestamp)
    {
        var host = new KeyValuePair<string, string>(Measurements.HostTag, report.Node);
        yield return new Sample(Measurements.Collector, [host], [
            new("cycles_total", FieldValue.Of(report.Cycles)),
            new("cycle_duration_ms", FieldValue.Of(report.LastCycleDurationMs)),
            new("endpoints", FieldValue.Of((long)report.Endpoints.Count)),
        ], timestamp);
        foreach (var endpoint in report.Endpoints)
        {
            var fields = new List<KeyValuePair<string, FieldValue>>
            {
                new("poll_ok", FieldValue.Of(endpoint.LastError is null ? 1L : 0L)),
                new("poll_duration_ms", FieldValue.Of(endpoint.LastDurationMs)),
                new("samples", FieldValue.Of((long)endpoint.LastSamples)),
                new("polls_total", FieldValue.Of(endpoint.Polls)),
                new("poll_failures_total", FieldValue.Of(endpoint.Failures)),
            };
            if (endpoint.LastSuccess is { } ok)
            {
                fields.Add(new("last_success_age_s", FieldValue.Of(Math.Max(0, (report.Now - ok).TotalSeconds))));
            }
            if (endpoint.LastError is { } error)
            {
                fields.Add(new("error", FieldValue.Of(error)));
            }
            yield return new Sample(Measurements.Collector, [host, new("endpoint", endpoint.Host)], fields, timestamp);
        }
        foreach (var sink in report.Sinks)
        {
            var status = sink.Status;
            var fields = new List<KeyValuePair<string, FieldValue>>
            {
                new("sink_ok", FieldValue.Of(status.LastError is null ? 1L : 0L)),
                new("points_written_total", FieldValue.Of(status.PointsWritten)),
                new("spool_points", FieldValue.Of(status.SpooledPoints)),
                new("spool_bytes", FieldValue.Of(status.SpoolBytes)),
                new("dropped_points_total", FieldValue.Of(status.DroppedPoints)),
            };
            foreach (var metric in sink.Metrics)
            {
                fields.Add(new(metric.Key, FieldValue.Of(metric.Value)));
            }
            if (status.LastError is { } error)
            {
                fields.Add(new("error", FieldValue.Of(error)));
            }
            yield return new Sample(Measurements.Collector, [host, new("sink", status.Name)], fields, timestamp);
        }
    }
}
