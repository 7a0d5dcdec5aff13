using Alerter.Logs;
using Alerter.Ring;

namespace Alerter.Tests.Ring;

public class RingOptionsValidatorTests
{
    [Fact]
    public void Validate_NoSocketPath_OffAndValid()
    {
        new RingOptionsValidator().Validate(null, new RingOptions { RingName = "" }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Validate_BadValues_NamesEachSetting()
    {
        var result = new RingOptionsValidator().Validate(null, new RingOptions
        {
            SocketPath = "/run/haproxy/admin.sock",
            RingName = "events -n",
            ReconnectDelay = TimeSpan.Zero,
            SocketCheckInterval = TimeSpan.FromMilliseconds(10),
            ConnectTimeout = TimeSpan.Zero,
        });

        result.Failed.ShouldBeTrue();
        result.Failures!.ShouldContain(f => f.Contains("Alerter:Ring:RingName", StringComparison.Ordinal));
        result.Failures!.ShouldContain(f => f.Contains("Alerter:Ring:ReconnectDelay", StringComparison.Ordinal));
        result.Failures!.ShouldContain(f => f.Contains("Alerter:Ring:SocketCheckInterval", StringComparison.Ordinal));
        result.Failures!.ShouldContain(f => f.Contains("Alerter:Ring:ConnectTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void ResolveHost_Unset_FirstLogSourceHost()
    {
        var logs = new LogScanOptions { Sources = [new LogSourceOptions { Path = "/var/log/haproxy.log", Host = "lb7" }] };

        new RingOptions().ResolveHost(logs).ShouldBe("lb7");
        new RingOptions { Host = "edge" }.ResolveHost(logs).ShouldBe("edge");
    }
}
