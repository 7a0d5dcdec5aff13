using System.Diagnostics;
using HAProxy.Logs;

namespace HAProxy.Benchmarks.Logs;

/// <summary>
/// <c>scan-log FILE</c>: scans a log file with <see cref="LogScanner.ScanStreamAsync"/> and prints MB/s and counts.
/// <c>gen-log FILE [MB]</c>: writes the benchmark log (default 1024 MB).
/// </summary>
public static class ScanLogCommand
{
    public static async Task<int> ScanAsync(string path)
    {
        var stopwatch = Stopwatch.StartNew();
        var counters = new LogScanCounters();
        var kinds = new Dictionary<LogEventKind, long>();
        var scanner = new LogScanner(new LogParseContext(DateTimeOffset.Now, TimeZoneInfo.Local.GetUtcOffset(DateTime.Now)));
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan))
        {
            await scanner.ScanStreamAsync(file, 0, new LogStreamOptions(), batch =>
            {
                foreach (var e in batch.Events)
                {
                    kinds[e.Event.Kind] = kinds.GetValueOrDefault(e.Event.Kind) + 1;
                }
                return ValueTask.CompletedTask;
            }, counters);
        }
        stopwatch.Stop();
        var megabytes = counters.BytesScanned / 1_000_000.0;
        Console.WriteLine($"scanned {megabytes:F0} MB in {stopwatch.Elapsed.TotalSeconds:F3} s = {megabytes / stopwatch.Elapsed.TotalSeconds:F0} MB/s");
        Console.WriteLine($"events {counters.Events} malformed {counters.Malformed} overlong {counters.Overlong} invalid-utf8 {counters.InvalidUtf8}");
        Console.WriteLine(string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        return 0;
    }

    public static int Generate(string path, long megabytes)
    {
        var stopwatch = Stopwatch.StartNew();
        var lines = LogFileGenerator.Generate(path, megabytes * 1_000_000);
        Console.WriteLine($"wrote {path}: {lines} lines, {new FileInfo(path).Length / 1_000_000} MB in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
