using Storage.Influx;
using Storage.Samples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TestSupport;

namespace Storage.Tests.Influx;

public class InfluxRegistrationTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddInfluxSink(builder.Configuration, "Collector:Influx");
        return builder.Build();
    }

    [Fact]
    public void AddInfluxSink_NoUrl_NoSinkRegistered()
    {
        using var host = Build([]);
        host.Services.GetServices<ISampleSink>().ShouldBeEmpty();
        host.Services.GetServices<IHostedService>().ShouldNotContain(s => s is InfluxSender);
    }

    [Fact]
    public void AddInfluxSink_UrlSet_SinkAndSenderRegistered()
    {
        using var dir = new TempDirectory("reg");
        using var host = Build(new()
        {
            ["Collector:Influx:Url"] = "http://127.0.0.1:8086",
            ["Collector:Influx:Database"] = "haproxy",
            ["Collector:Influx:SpoolDirectory"] = dir.Path,
        });
        host.Services.GetServices<ISampleSink>().ShouldHaveSingleItem().Name.ShouldBe("influxdb");
        host.Services.GetServices<IHostedService>().ShouldContain(s => s is InfluxSender);
        var status = host.Services.GetRequiredService<ISampleSink>().GetStatus();
        status.ShouldBe(new SinkStatus("influxdb", 0, 0, 0, 0, null, null));
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsWithActionableMessage()
    {
        using var dir = new TempDirectory("reg");
        using var host = Build(new()
        {
            ["Collector:Influx:Url"] = "http://127.0.0.1:8086",
            ["Collector:Influx:Api"] = "V2",
            ["Collector:Influx:Org"] = "noc",
            ["Collector:Influx:SpoolDirectory"] = dir.Path,
        });
        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        error.Message.ShouldContain("Collector:Influx:Bucket is required for the V2 API");
        error.Message.ShouldContain("Collector:Influx:Token (or Collector:Influx:TokenFile) is required");
    }

    [Fact]
    public void Resolve_SpoolHeldByAnotherProcess_OptionsFailureSayingWhatToChange()
    {
        using var dir = new TempDirectory("reg");
        using var holder = new Storage.Influx.Spool.InfluxSpool(dir.Path, 1 << 20, 1 << 16);
        using var host = Build(new()
        {
            ["Collector:Influx:Url"] = "http://127.0.0.1:8086",
            ["Collector:Influx:Database"] = "haproxy",
            ["Collector:Influx:SpoolDirectory"] = dir.Path,
        });

        // An options failure is what every entry point prints as one "Configuration error:" line with exit code 2.
        var error = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<ISampleSink>());

        error.Failures.ShouldHaveSingleItem().ShouldBe($"The InfluxDB spool {dir.Path} is in use by another process (a second Collector or Alerter with the same SpoolDirectory?). "
            + "Give each process its own SpoolDirectory.");
    }
}
