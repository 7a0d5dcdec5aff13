using System.Buffers;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Storage.Samples;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Storage.Influx.Benchmarks;

/// <summary>
/// One 10,000-server cycle (~40 fields each) through the encoder, encoder + gzip, and the sink's whole
/// WriteAsync (encode, gzip, spool append with fsync per 5,000-point batch).
/// </summary>
[MemoryDiagnoser]
public class EncoderBenchmarks
{
    private const int Servers = 10_000;
    private readonly ArrayBufferWriter<byte> _buffer = new(16 << 20);
    private readonly MemoryStream _gzip = new(4 << 20);
    private readonly LineProtocolEncoder _encoder = new(InfluxPrecision.Seconds);
    private IReadOnlyList<Sample> _cycle = [];
    private string _spoolDirectory = "";
    private InfluxSinkState? _state;
    private InfluxSink? _sink;

    [GlobalSetup]
    public void Setup()
    {
        _cycle = CycleGenerator.Cycle(Servers, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _spoolDirectory = Path.Combine(Path.GetTempPath(), "influx-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new InfluxOptions { Url = "http://127.0.0.1:1", Database = "bench", SpoolDirectory = _spoolDirectory };
        _state = new InfluxSinkState(new Spool.InfluxSpool(_spoolDirectory, 64L << 30, options.SpoolSegmentBytes), "Collector:Influx");
        _sink = new InfluxSink(Options.Create(options), _state, NullLogger<InfluxSink>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _state?.Dispose();
        Directory.Delete(_spoolDirectory, recursive: true);
    }

    [Benchmark(Description = "encode 10k servers x 40 fields")]
    public int Encode()
    {
        _buffer.ResetWrittenCount();
        _encoder.EncodeAll(_cycle, _buffer, new EncodeStats());
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "encode + gzip(fastest)")]
    public long EncodeAndGzip()
    {
        _buffer.ResetWrittenCount();
        _encoder.EncodeAll(_cycle, _buffer, new EncodeStats());
        _gzip.SetLength(0);
        using (var gzip = new GZipStream(_gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(_buffer.WrittenSpan);
        }
        return _gzip.Length;
    }

    [Benchmark(Description = "sink WriteAsync (encode+gzip+spool fsync)")]
    public Task SinkWrite() => _sink!.WriteAsync(_cycle, CancellationToken.None);
}
