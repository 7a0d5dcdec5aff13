using ServiceDefaults;
using Collector.Hosting;
using Microsoft.Extensions.Hosting;

try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.AddCollector();
    using var host = builder.Build();
    ConfigurationFailure.CheckBeforeStart(host.Services);
    await host.RunAsync();
    return 0;
}
catch (Exception ex) when (ConfigurationFailure.Describe(ex) is { } failures)
{
    return ConfigurationFailure.Report(failures, Console.Error);
}
