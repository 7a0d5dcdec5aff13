using Alerter.Store;
using Storage.Influx;
using Storage.Samples;

namespace Alerter.Influx;

/// <summary>
/// Hands dispatched <c>haproxy_event</c> rows to the InfluxDB sink in id order. The sink's durable spool takes
/// them (and delivers them, retrying, in the background); then the cursor moves. Nothing is lost on a crash:
/// rows after the cursor are exported again, and InfluxDB stores a repeated point once.
/// </summary>
public sealed class EventExporter(AlerterDatabase database, InfluxSink sink)
{
    private const int BatchSize = 1000;

    private readonly ISampleSink _sink = sink;

    /// <summary>Exports what is ready; returns how many events went to the sink.</summary>
    public async Task<int> ExportOnceAsync(CancellationToken cancellationToken)
    {
        using var connection = database.OpenEnsured();
        var total = 0;
        var cursor = EventExportStore.ReadCursor(connection);
        while (true)
        {
            var events = EventExportStore.ReadAfter(connection, cursor, BatchSize);
            if (events.Count == 0)
            {
                return total;
            }
            await _sink.WriteAsync(events.Select(EventSampleMapper.ToSample).ToList(), cancellationToken).ConfigureAwait(false);
            cursor = events[^1].Id;
            EventExportStore.WriteCursor(connection, cursor);
            total += events.Count;
            if (events.Count < BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>The sink's numbers (points written, spooled, dropped, last error).</summary>
    public SinkStatus SinkStatus => _sink.GetStatus();
}
