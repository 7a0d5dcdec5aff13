using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>The real <c>dashboard web</c> process reads its settings like the other parts: <c>--config FILE</c>, and unknown keys refused.</summary>
[Trait("Category", "Integration")]
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempDirectory _directory = new("web-cfg");
    private readonly TestStore _store;

    public ConfigurationTests()
    {
        _store = new TestStore(_directory.Path);
        _store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(10));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Web_ConfigFile_ItsSettingsAreRead()
    {
        var port = FreePort.Next();
        var config = _directory.Combine("dashboard.json");
        await File.WriteAllTextAsync(config, $$"""{ "Dashboard": { "Urls": "http://127.0.0.1:{{port}}", "CollectorDatabase": "{{_store.CollectorDatabase}}" } }""");
        await using var web = DotnetProcess.Start(Paths.Dashboard, ["web", "--config", config], _directory.Path);

        await web.WaitForLineAsync(l => l.Contains($"listening on http://127.0.0.1:{port}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Web_MisspeltKeyInTheConfigFile_ExitCode2NamingItAndTheClosestKnownKey()
    {
        var config = _directory.Combine("dashboard.json");
        await File.WriteAllTextAsync(config, """{ "Dashboard": { "Urlz": "http://127.0.0.1:1" } }""");
        await using var web = DotnetProcess.Start(Paths.Dashboard, ["web", "--db", _store.CollectorDatabase, "--config", config], _directory.Path);

        (await web.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, web.Output);

        web.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(web.Output)
            .ShouldBe($"Configuration error: unknown setting Dashboard:Urlz ({config}): did you mean Dashboard:Urls?");
    }
}
