using TestSupport;
using Storage.Influx;
using Storage.Samples;
using Storage.Tests.Influx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Storage.Tests.Integration.Influx;

/// <summary>The InfluxDB sink wired the way the Collector wires it (<see cref="InfluxRegistration.AddInfluxSink"/>), in a started host with captured logs.</summary>
public sealed class InfluxSinkHost : IAsyncDisposable
{
    private readonly IHost _host;

    private InfluxSinkHost(IHost host, CapturingLoggerProvider logs)
    {
        _host = host;
        Logs = logs;
        Sink = host.Services.GetServices<ISampleSink>().Single(s => s.Name == "influxdb");
    }

    public ISampleSink Sink { get; }

    public CapturingLoggerProvider Logs { get; }

    public SinkStatus Status => Sink.GetStatus();

    /// <summary>The v1 settings every InfluxDB test starts from: database <c>haproxy</c>, the spool in the test's directory.</summary>
    public static Dictionary<string, string?> V1Settings(InfluxDbProcess influx, TempDirectory directory) => new()
    {
        ["Collector:Influx:Url"] = influx.Url,
        ["Collector:Influx:Database"] = "haproxy",
        ["Collector:Influx:SpoolDirectory"] = directory.Combine("spool"),
    };

    public static async Task<InfluxSinkHost> StartAsync(IDictionary<string, string?> settings)
    {
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var defaults = new Dictionary<string, string?>
        {
            ["Collector:Influx:RetryDelay"] = "00:00:00.200",
            ["Collector:Influx:MaxRetryDelay"] = "00:00:01",
            ["Collector:Influx:Timeout"] = "00:00:05",
            ["Collector:Influx:Precision"] = "Seconds",
        };
        foreach (var (key, value) in settings)
        {
            defaults[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(defaults);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddInfluxSink(builder.Configuration, "Collector:Influx");
        var host = builder.Build();
        await host.StartAsync();
        return new InfluxSinkHost(host, logs);
    }

    /// <summary>Polls until <paramref name="condition"/> holds, or fails with the status and logs.</summary>
    public async Task WaitUntilAsync(Func<SinkStatus, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Status))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout}. Status: {Status}\nLogs:\n{Logs.All}");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
