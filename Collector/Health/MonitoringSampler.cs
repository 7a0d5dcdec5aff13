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
            new(CollectorFields.CyclesTotal, FieldValue.Of(report.Cycles)),
            new(CollectorFields.CycleDurationMs, FieldValue.Of(report.LastCycleDurationMs)),
            new(CollectorFields.Endpoints, FieldValue.Of((long)report.Endpoints.Count)),
        ], timestamp);
        foreach (var endpoint in report.Endpoints)
        {
            var fields = new List<KeyValuePair<string, FieldValue>>
            {
                new(CollectorFields.PollOk, FieldValue.Of(endpoint.LastError is null ? 1L : 0L)),
                new(CollectorFields.PollDurationMs, FieldValue.Of(endpoint.LastDurationMs)),
                new(CollectorFields.Samples, FieldValue.Of((long)endpoint.LastSamples)),
                new(CollectorFields.PollsTotal, FieldValue.Of(endpoint.Polls)),
                new(CollectorFields.PollFailuresTotal, FieldValue.Of(endpoint.Failures)),
            };
            if (endpoint.LastSuccess is { } ok)
            {
                fields.Add(new(CollectorFields.LastSuccessAgeS, FieldValue.Of(Math.Max(0, (report.Now - ok).TotalSeconds))));
            }
            if (endpoint.LastError is { } error)
            {
                fields.Add(new(CollectorFields.Error, FieldValue.Of(error)));
            }
            yield return new Sample(Measurements.Collector, [host, new(Measurements.EndpointTag, endpoint.Host)], fields, timestamp);
        }
        foreach (var sink in report.Sinks)
        {
            var status = sink.Status;
            var fields = new List<KeyValuePair<string, FieldValue>>
            {
                new(CollectorFields.SinkOk, FieldValue.Of(status.LastError is null ? 1L : 0L)),
                new(CollectorFields.PointsWrittenTotal, FieldValue.Of(status.PointsWritten)),
                new(CollectorFields.SpoolPoints, FieldValue.Of(status.SpooledPoints)),
                new(CollectorFields.SpoolBytes, FieldValue.Of(status.SpoolBytes)),
                new(CollectorFields.DroppedPointsTotal, FieldValue.Of(status.DroppedPoints)),
            };
            foreach (var metric in sink.Metrics)
            {
                fields.Add(new(metric.Key, FieldValue.Of(metric.Value)));
            }
            if (status.LastError is { } error)
            {
                fields.Add(new(CollectorFields.Error, FieldValue.Of(error)));
            }
            yield return new Sample(Measurements.Collector, [host, new(Measurements.SinkTag, status.Name)], fields, timestamp);
        }
    }
}
