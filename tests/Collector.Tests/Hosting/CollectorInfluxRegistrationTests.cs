using Collector.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TestSupport;

namespace Collector.Tests.Hosting;

/// <summary>The Collector hands its poll interval to the InfluxDB sink's settings check.</summary>
public class CollectorInfluxRegistrationTests
{
    [Fact]
    public async Task Start_FractionalCollectorIntervalWithSecondPrecision_FailsNamingBothSettings()
    {
        using var dir = new TempDirectory("reg");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dir.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Collector:Endpoints:0:Address"] = dir.Combine("admin.sock"),
            ["Collector:Interval"] = "00:00:01.500",
            ["Collector:Sqlite:DataDirectory"] = dir.Combine("data"),
            ["Collector:Influx:Url"] = "http://127.0.0.1:8086",
            ["Collector:Influx:Database"] = "haproxy",
            ["Collector:Influx:SpoolDirectory"] = dir.Combine("spool"),
        });
        builder.AddCollector();
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldContain("Collector:Interval is 1.5 s, not a whole number of seconds, while Collector:Influx:Precision is Seconds");
    }
}
