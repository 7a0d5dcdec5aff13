using Collector.Hosting;
using Microsoft.Extensions.Hosting;
using ServiceDefaults;
using ServiceDefaults.Hosting;

try
{
    var (configFile, settings) = SuiteConfiguration.SplitConfigArgument(args);
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = AppContext.BaseDirectory });
    builder.AddCollectorExecutable(settings, configFile);
    using var host = builder.Build();
    return await ServiceRun.RunAsync(host, Console.Error);
}
catch (Exception ex) when (ConfigurationFailure.Describe(ex) is { } failures)
{
    return ConfigurationFailure.Report(failures, Console.Error);
}
