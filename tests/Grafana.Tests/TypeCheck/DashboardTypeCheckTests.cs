using TestSupport;

namespace Grafana.Tests.TypeCheck;

/// <summary>
/// The dashboards type-check against the Dashboard type of @grafana/schema 13.2.3 with tsc (grafana/typecheck, its
/// lockfile installed by <c>npm ci</c>, which ./test.sh runs). dashboard-json.ts says what is adjusted and why.
/// </summary>
public sealed class DashboardTypeCheckTests
{
    [Fact]
    public async Task CheckScript_ShippedDashboards_TscReportsNoError()
    {
        var result = await TypeCheckScript.RunAsync();
        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("3 dashboard(s)");
    }

    [Fact]
    public async Task CheckScript_MisspeltPropertyAndUnknownEnumValue_TscFails()
    {
        using var directory = new TempDirectory("gtc");
        var json = await File.ReadAllTextAsync(Path.Combine(Lint.DashboardFile.Directory, "haproxy-server.json"));
        var broken = json.Replace("\"gridPos\"", "\"gridpos\"").Replace("\"type\": \"regex\"", "\"type\": \"regexp\"");
        broken.ShouldNotBe(json);
        await File.WriteAllTextAsync(directory.Combine("broken.json"), broken);

        var result = await TypeCheckScript.RunAsync(directory.Path);

        result.ExitCode.ShouldBe(1, result.Output);
        result.Output.ShouldContain("'\"gridpos\"' does not exist");
        result.Output.ShouldContain("Type '\"regexp\"' is not assignable");
    }
}
