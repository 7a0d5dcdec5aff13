using Collector.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddCollector();
await builder.Build().RunAsync();
