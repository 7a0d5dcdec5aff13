using System.Diagnostics;
using System.Globalization;
using Storage.Samples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Storage.Influx.Benchmarks;

/// <summary>
/// Sustains <c>servers</c> points every <c>interval</c> seconds through the real sink (spool + sender) into a
/// real InfluxDB and prints the spool depth after every cycle. Target: the depth does not grow.
/// </summary>
public static class SustainRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var url = Arg("url", "http://127.0.0.1:8086");
        var minutes = double.Parse(Arg("minutes", "10"), CultureInfo.InvariantCulture);
        var servers = int.Parse(Arg("servers", "10000"), CultureInfo.InvariantCulture);
        var interval = TimeSpan.FromSeconds(double.Parse(Arg("interval", "10"), CultureInfo.InvariantCulture));
        var spool = Arg("spool", Path.Combine(Path.GetTempPath(), "influx-sustain-spool"));

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Collector:Influx:Url"] = url,
            ["Collector:Influx:Database"] = Arg("database", "haproxy"),
            ["Collector:Influx:SpoolDirectory"] = spool,
        });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddInfluxSink(builder.Configuration, "Collector:Influx");
        using var host = builder.Build();
        await host.StartAsync();
        var sink = host.Services.GetRequiredService<ISampleSink>();

        var cycles = (int)Math.Round(minutes * 60 / interval.TotalSeconds);
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        long maxDepth = 0;
        var depths = new List<long>();
        Console.WriteLine($"sustain: {servers} points every {interval.TotalSeconds} s for {cycles} cycles into {url}");
        Console.WriteLine("cycle  elapsed_s  write_ms  spooled_after_write  spooled_points  spool_bytes  written  dropped  cpu_s  rss_mb");
        using var timer = new PeriodicTimer(interval);
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            var samples = CycleGenerator.Cycle(servers, start + cycle * interval, cycle);
            var watch = Stopwatch.StartNew();
            await sink.WriteAsync(samples, CancellationToken.None);
            var writeMs = watch.Elapsed.TotalMilliseconds;
            var afterWrite = sink.GetStatus().SpooledPoints;
            await timer.WaitForNextTickAsync();
            var status = sink.GetStatus();
            depths.Add(status.SpooledPoints);
            maxDepth = Math.Max(maxDepth, status.SpooledPoints);
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cycle,5}  {(cycle + 1) * interval.TotalSeconds,9:0}  {writeMs,8:0.0}  {afterWrite,19}  {status.SpooledPoints,14}  {status.SpoolBytes,11}  {status.PointsWritten,7}  {status.DroppedPoints,7}  {self.TotalProcessorTime.TotalSeconds,5:0.0}  {self.WorkingSet64 / 1048576.0,6:0}"));
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (sink.GetStatus().SpooledPoints > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var final = sink.GetStatus();
        var half = depths.Count / 2;
        var firstHalfMax = depths.Take(half).DefaultIfEmpty(0).Max();
        var secondHalfMax = depths.Skip(half).DefaultIfEmpty(0).Max();
        Console.WriteLine($"summary: cycles={cycles} expected_points={(long)cycles * servers} written={final.PointsWritten} dropped={final.DroppedPoints} " +
                          $"max_spooled_after_cycle={maxDepth} first_half_max={firstHalfMax} second_half_max={secondHalfMax} final_spooled={final.SpooledPoints} last_error={final.LastError ?? "-"}");
        await host.StopAsync();
        return final.PointsWritten == (long)cycles * servers && final.DroppedPoints == 0 ? 0 : 1;
    }
}
