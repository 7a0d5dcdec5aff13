using System.Buffers;
using System.IO.Compression;
using Storage.Influx.Spool;
using Storage.Samples;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Storage.Influx;

/// <summary>
/// The InfluxDB <see cref="ISampleSink"/>. <see cref="WriteAsync"/> only encodes and appends to the durable spool
/// (fsync per batch of <see cref="InfluxOptions.BatchSize"/> points) and returns: it never waits for InfluxDB, so
/// a slow or dead server cannot hold up the poll loop, and whatever it accepted survives SIGKILL.
/// <see cref="InfluxSender"/> delivers the spool in order in the background.
/// </summary>
public sealed class InfluxSink : ISampleSink
{
    private readonly InfluxOptions _options;
    private readonly InfluxSinkState _state;
    private readonly ILogger<InfluxSink> _logger;
    private readonly LineProtocolEncoder _encoder;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly MemoryStream _compressed = new();
    private readonly Lock _gate = new();

    public InfluxSink(IOptions<InfluxOptions> options, InfluxSinkState state, ILogger<InfluxSink> logger)
    {
        _options = options.Value;
        _state = state;
        _logger = logger;
        _encoder = new LineProtocolEncoder(_options.Precision);
    }

    public string Name => "influxdb";

    public Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var stats = new EncodeStats();
        lock (_gate)
        {
            for (var start = 0; start < samples.Count; start += _options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _buffer.ResetWrittenCount();
                var lines = 0;
                var end = Math.Min(samples.Count, start + _options.BatchSize);
                for (var i = start; i < end; i++)
                {
                    if (_encoder.Encode(samples[i], _buffer, stats))
                    {
                        lines++;
                    }
                }
                if (lines > 0)
                {
                    Spool(_buffer.WrittenSpan, lines);
                }
            }
        }
        if (stats.SkippedPoints + stats.DroppedFields + stats.DroppedTags + stats.Sanitized > 0)
        {
            _state.Skipped(stats.SkippedPoints);
            InfluxLog.EncodeIssues(_logger, stats.SkippedPoints, stats.DroppedFields, stats.DroppedTags, stats.Sanitized);
        }
        _state.NotifySpooled();
        return Task.CompletedTask;
    }

    public SinkStatus GetStatus() => _state.ToStatus(Name);

    private void Spool(ReadOnlySpan<byte> lines, int points)
    {
        var payload = lines;
        if (_options.Gzip)
        {
            _compressed.SetLength(0);
            using (var gzip = new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(lines);
            }
            payload = _compressed.GetBuffer().AsSpan(0, (int)_compressed.Length);
        }
        SpoolAppendResult result;
        try
        {
            result = _state.Spool.Append(payload, points, _options.Gzip);
        }
        catch (IOException ex)
        {
            // The spool is the only durable copy; if it cannot be written the points are lost: count and say so.
            _state.Dropped(points);
            _state.Failed($"spool write failed, {points} points dropped: {ex.Message}");
            InfluxLog.SpoolWriteFailed(_logger, points, _options.SpoolDirectory, ex);
            return;
        }
        if (result.DroppedPoints > 0 || result.DroppedSegments > 0)
        {
            _state.Dropped(result.DroppedPoints);
            InfluxLog.SpoolOverflow(_logger, _options.SpoolMaxBytes, result.DroppedPoints, result.DroppedSegments, _state.SettingsSection);
        }
    }
}
