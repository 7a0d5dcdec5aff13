using Storage.Influx;
using Storage.Samples;
using InfluxSpoolChild;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: InfluxSpoolChild <cycles> <servers> [--Collector:Influx:Key=value ...]
// Writes <cycles> deterministic cycles through the real sink, printing "accepted <n>" after each WriteAsync
// returned, then "status ..." lines every 100 ms until killed (SIGKILL by the test) or SIGTERM.
var cycles = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var servers = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args[2..], DisableDefaults = true });
builder.Configuration.AddCommandLine(args[2..]);
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddInfluxSink(builder.Configuration, "Collector:Influx");
using var host = builder.Build();
await host.StartAsync();
var sink = host.Services.GetRequiredService<InfluxSink>();
for (var cycle = 0; cycle < cycles; cycle++)
{
    await sink.WriteAsync(ChildPoints.Cycle(cycle, servers), CancellationToken.None);
    Console.Out.WriteLine($"accepted {cycle}");
    Console.Out.Flush();
    await Task.Delay(20);
}
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
while (!lifetime.ApplicationStopping.IsCancellationRequested)
{
    var status = sink.GetStatus();
    Console.Out.WriteLine($"status spooled={status.SpooledPoints} written={status.PointsWritten} dropped={status.DroppedPoints}");
    Console.Out.Flush();
    await Task.Delay(100);
}
await host.StopAsync();
