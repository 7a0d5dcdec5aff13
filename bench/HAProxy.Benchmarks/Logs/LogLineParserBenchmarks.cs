using BenchmarkDotNet.Attributes;
using HAProxy.Logs;

namespace HAProxy.Benchmarks.Logs;

/// <summary>One state-change line and one request line through <see cref="LogLineParser"/>; a 16 MB buffer through <see cref="LogScanner.Scan"/>.</summary>
[MemoryDiagnoser]
public class LogLineParserBenchmarks
{
    private const string EventLine = "<129>Nov 21 21:38:33 haproxy[6085]: Server be/srv3 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private const string RequestLine = "<134>Nov 21 21:40:24 haproxy[6085]: 127.0.0.1:58252 [21/Nov/2026:21:40:24.955] fe be/srv1 0/0/0/1/1 200 188 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"";
    private static readonly LogParseContext Context = new(new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero), TimeSpan.Zero);
    private readonly List<ScannedLogEvent> _events = [];
    private byte[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), "haproxy-bench-16mb.log");
        LogFileGenerator.Generate(path, 16_000_000);
        _buffer = File.ReadAllBytes(path);
        File.Delete(path);
    }

    [Benchmark]
    public LogLineOutcome ParseEventLine() => LogLineParser.TryParse(EventLine, Context, out _);

    [Benchmark]
    public LogLineOutcome ParseRequestLine() => LogLineParser.TryParse(RequestLine, Context, out _);

    [Benchmark]
    public int Scan16MegabyteBuffer()
    {
        _events.Clear();
        return new LogScanner(Context).Scan(_buffer, 0, isFinalBlock: true, _events, new LogScanCounters());
    }
}
