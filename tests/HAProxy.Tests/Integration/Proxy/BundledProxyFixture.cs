using TestSupport;

namespace HAProxy.Tests.Integration.Proxy;

/// <summary>One bundled proxy (proxy/start.sh, slow traffic, no chaos) shared by the tests of a class; stopped with proxy/stop.sh.</summary>
public sealed class BundledProxyFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("px");

    public BundledProxyFixture() => Scripts = ProxyScripts.ForRunDirectory(_directory.Path);

    public ProxyScripts Scripts { get; }

    public ScriptResult Start { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync()
    {
        Start = await Scripts.RunAsync("start.sh");
        if (Start.ExitCode != 0)
        {
            throw new InvalidOperationException("proxy/start.sh failed: " + Start);
        }
    }

    public async Task DisposeAsync()
    {
        await Scripts.RunAsync("stop.sh");
        _directory.Dispose();
    }
}
