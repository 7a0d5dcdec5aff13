using Alerter.Influx;
using Storage.Influx;
using Storage.Samples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TestSupport;

namespace Alerter.Tests.Influx;

public class AlerterInfluxRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAlerterInflux(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddAlerterInflux_NoUrl_NoSink()
    {
        using var provider = Build([]);
        provider.GetServices<ISampleSink>().ShouldBeEmpty();
    }

    [Fact]
    public void AddAlerterInflux_UrlOnly_MicrosecondsAndASpoolOfItsOwnBesideTheAlerterDatabase()
    {
        using var dir = new TempDirectory("air");
        using var provider = Build(new()
        {
            ["Store:DataDirectory"] = dir.Path,
            ["Alerter:Influx:Url"] = "http://127.0.0.1:8086",
            ["Alerter:Influx:Database"] = "haproxy",
        });

        var options = provider.GetRequiredService<IOptions<InfluxOptions>>().Value;

        options.Precision.ShouldBe(InfluxPrecision.Microseconds);
        options.SpoolDirectory.ShouldBe(Path.Combine(dir.Path, "alerter-influx-spool"));
        provider.GetRequiredService<InfluxSinkState>().SettingsSection.ShouldBe("Alerter:Influx");
        provider.GetServices<ISampleSink>().ShouldHaveSingleItem().Name.ShouldBe("influxdb");
    }

    [Fact]
    public void AddAlerterInflux_SecondPrecisionAndNoDatabase_RefusedNamingTheAlerterKeys()
    {
        using var dir = new TempDirectory("air");
        using var provider = Build(new()
        {
            ["Store:DataDirectory"] = dir.Path,
            ["Alerter:Influx:Url"] = "http://127.0.0.1:8086",
            ["Alerter:Influx:Precision"] = "Seconds",
        });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InfluxOptions>>().Value);

        error.Message.ShouldContain("Alerter:Influx:Precision is Seconds; events need Microseconds");
        error.Message.ShouldContain("Alerter:Influx:Database is required");
        error.Message.ShouldNotContain("Collector:Influx");
    }
}
