using System.Text.Json.Nodes;

namespace Grafana.Tests.Lint;

/// <summary>Each lint rule fails on a copy of a shipped dashboard broken in the way the rule guards against.</summary>
public sealed class DashboardLintRuleTests
{
    private static DashboardFile Broken(string file, Action<JsonObject> breakIt)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(DashboardFile.Directory, file)))!.AsObject();
        breakIt(json);
        return DashboardFile.Parse("broken-" + file, json.ToJsonString());
    }

    private static JsonObject Panel(JsonObject dashboard, int index) => dashboard["panels"]![index]!.AsObject();

    private static JsonObject FirstTimeSeries(JsonObject dashboard) =>
        dashboard["panels"]!.AsArray().Select(p => p!.AsObject()).First(p => (string?)p["type"] == "timeseries");

    [Fact]
    public void Parse_DuplicateKey_Throws() =>
        Should.Throw<System.Text.Json.JsonException>(() => DashboardFile.Parse("dup.json", """{"uid": "a", "uid": "b"}"""));

    [Fact]
    public void Identity_InputsAndOldSchemaVersion_Reported()
    {
        var problems = DashboardLint.Identity(Broken("haproxy-fleet.json", d =>
        {
            d["__inputs"] = new JsonArray();
            d["schemaVersion"] = 39;
        })).ToList();
        problems.ShouldContain(p => p.Contains("__inputs"));
        problems.ShouldContain(p => p.Contains("schemaVersion"));
    }

    [Fact]
    public void UniquePanelIds_IdRepeatedInsideARow_Reported()
    {
        var dashboard = Broken("haproxy-fleet.json", d =>
        {
            var row = d["panels"]!.AsArray().First(p => (string?)p!["type"] == "row")!.AsObject();
            row["collapsed"] = true;
            row["panels"] = new JsonArray(JsonNode.Parse(FirstTimeSeries(d).ToJsonString()));
        });
        DashboardLint.UniquePanelIds(dashboard).ShouldHaveSingleItem().ShouldContain("is used 2 times");
    }

    [Fact]
    public void Layout_PanelPastColumn24AndOverlapping_Reported()
    {
        var problems = DashboardLint.Layout(Broken("haproxy-backend.json", d =>
        {
            Panel(d, 1)["gridPos"]!["x"] = 20; // w 12: past column 24, and onto the panel beside it
        })).ToList();
        problems.ShouldContain(p => p.Contains("does not fit 24 columns"));
        problems.ShouldContain(p => p.Contains("overlaps"));
    }

    [Fact]
    public void Panels_NoUnitAndAFixedDatasource_Reported()
    {
        var problems = DashboardLint.Panels(Broken("haproxy-server.json", d =>
        {
            var panel = FirstTimeSeries(d);
            panel["fieldConfig"]!["defaults"]!.AsObject().Remove("unit");
            panel["targets"]![0]!["datasource"] = new JsonObject { ["type"] = "influxdb", ["uid"] = "P951FEA4DE68E13C5" };
        })).ToList();
        problems.ShouldContain(p => p.Contains("has no fieldConfig.defaults.unit"));
        problems.ShouldContain(p => p.Contains("needs the datasource variable"));
    }

    [Fact]
    public void Variables_RefreshOnLoadOnly_Reported() =>
        DashboardLint.Variables(Broken("haproxy-backend.json", d => d["templating"]!["list"]![1]!["refresh"] = 1))
            .ShouldHaveSingleItem().ShouldContain("refresh must be 2");

    [Theory]
    [InlineData("SELECT mean(\"request_rate\") FROM \"haproxy_frontend\" GROUP BY time($__interval)", "needs $timeFilter")]
    [InlineData("SELECT mean(\"request_rate\") FROM \"haproxy_frontend\" WHERE $timeFilter GROUP BY time(10s)", "GROUP BY time($__interval)")]
    [InlineData("SELECT non_negative_derivative(mean(\"requests_total\"), 1s) FROM \"haproxy_frontend\" WHERE $timeFilter GROUP BY time($__interval)", "recomputes a rate")]
    [InlineData("SELECT sum(\"x\") FROM (SELECT mean(\"request_rate\") AS \"x\" FROM \"haproxy_frontend\" WHERE $timeFilter GROUP BY time($__interval)) GROUP BY time($__interval)", "needs $timeFilter")]
    public void Queries_BrokenTarget_Reported(string query, string expected) =>
        DashboardLint.Queries(Broken("haproxy-fleet.json", d => FirstTimeSeries(d)["targets"]![0]!["query"] = query))
            .ShouldHaveSingleItem().ShouldContain(expected);

    [Fact]
    public void VariablesDefined_UndefinedVariableInAQueryAndALink_Reported()
    {
        var problems = DashboardLint.VariablesDefined(Broken("haproxy-fleet.json", d =>
        {
            FirstTimeSeries(d)["targets"]![0]!["query"] = "SELECT mean(\"request_rate\") FROM \"haproxy_frontend\" WHERE \"proxy\" =~ /^$frontend$/ AND $timeFilter";
            d["links"]![0]!["url"] = "/d/x?var-y=${cluster:queryparam}";
        })).ToList();
        problems.ShouldContain(p => p.Contains("'$frontend'"));
        problems.ShouldContain(p => p.Contains("'${cluster:queryparam}'"));
    }

    [Fact]
    public void SchemaNamesExist_MisspeltFieldAndTagOfAnotherMeasurement_Reported()
    {
        var problems = DashboardLint.SchemaNamesExist(Broken("haproxy-fleet.json", d =>
            FirstTimeSeries(d)["targets"]![0]!["query"] =
                "SELECT mean(\"requests_rate\") FROM \"haproxy_frontend\" WHERE $timeFilter GROUP BY time($__interval), \"server\"")).ToList();
        problems.ShouldContain(p => p.Contains("\"requests_rate\" is neither a field nor a tag"));
        problems.ShouldContain(p => p.Contains("\"server\" is not a tag of haproxy_frontend"));
    }
}
