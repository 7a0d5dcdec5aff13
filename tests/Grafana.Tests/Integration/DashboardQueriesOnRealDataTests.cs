using System.Text.Json;
using Grafana.Tests.Lint;
using TestSupport;
using Xunit.Abstractions;

namespace Grafana.Tests.Integration;

/// <summary>
/// Every variable, panel and annotation query of every dashboard, run against influxd holding what the real Collector
/// and the real Alerter wrote about a real HAProxy under traffic, with Grafana's macros and variables substituted as
/// Grafana does. Grafana itself cannot be installed here, so this is the proof that each panel has something to draw.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DashboardQueriesOnRealDataTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    // What Grafana would pick for a few minutes' range with a 5 s minimum interval.
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // Single-value variables: the downed server and its backend (each must be among the variable query's own results).
    private static readonly Dictionary<string, string> Chosen = new()
    {
        ["host"] = FleetLab.Host,
        ["backend"] = "be_web",
        ["server"] = "web2",
    };

    [Fact]
    public async Task EveryQuery_OnDataFromCollectorAndAlerter_ReturnsValues_StatusTableShowsDownedServerDown()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-30);
        await using var lab = await FleetLab.StartAsync();
        await lab.WaitForStatusAsync("be_web", "web1", "UP", Timeout);
        // Rates need two polls of the same process: wait until the Collector stored one for web1.
        await Poll.UntilAsync(async () => (await lab.QueryAsync("SELECT count(\"request_rate\") FROM \"haproxy_server\" WHERE \"server\" = 'web1'")).Count > 0,
            Timeout, () => "a request_rate for web1; " + lab.Describe(), TimeSpan.FromMilliseconds(200));

        // web2: maintenance (info) and back, DOWN with web1 still up (warning), UP (recovery); then web1 DOWN and web2
        // DOWN, the last server of be_web (critical, with "has no server available"); web1 comes back, web2 stays DOWN.
        (await lab.AdminAsync("set server be_web/web2 state maint")).Trim().ShouldBeEmpty();
        await lab.WaitForStatusAsync("be_web", "web2", "MAINT", Timeout);
        (await lab.AdminAsync("set server be_web/web2 state ready")).Trim().ShouldBeEmpty();
        await lab.WaitForLogLinesAsync("Server be_web/web2 is UP", 1, Timeout);
        lab.Server("be_web/web2").Stop();
        await lab.WaitForLogLinesAsync("Server be_web/web2 is DOWN", 1, Timeout);
        lab.Server("be_web/web2").Start();
        await lab.WaitForLogLinesAsync("Server be_web/web2 is UP", 2, Timeout);
        lab.Server("be_web/web1").Stop();
        await lab.WaitForLogLinesAsync("Server be_web/web1 is DOWN", 1, Timeout);
        lab.Server("be_web/web2").Stop();
        await lab.WaitForLogLinesAsync("backend be_web has no server available", 1, Timeout);
        // A poll of the emptied backend (web2's last status alone could still be its first DOWN, polled earlier).
        await lab.WaitForActiveServersAsync("be_web", 0, Timeout);
        lab.Server("be_web/web1").Start();
        await lab.WaitForLogLinesAsync("Server be_web/web1 is UP", 1, Timeout);
        await lab.WaitForActiveServersAsync("be_web", 1, Timeout);

        // maint, leaving maint, DOWN, UP, web1 DOWN, web2 DOWN, no server available, web1 UP: eight events, each
        // exported after the Alerter dispatched it (so with its severity).
        await Poll.UntilAsync(async () => (await lab.QueryAsync("SELECT count(\"message\") FROM \"haproxy_event\"")).SelectMany(s => s.Rows).Sum(r => r["count"].GetInt64()) >= 8,
            Timeout, () => "eight haproxy_event points; " + lab.Describe(), TimeSpan.FromMilliseconds(250));
        // A few more polls after the last change, so the newest time bucket holds samples of every series.
        var settled = DateTimeOffset.UtcNow.AddSeconds(3);
        await Poll.UntilAsync(() => DateTimeOffset.UtcNow > settled, Timeout, "three more polls");

        var to = DateTimeOffset.UtcNow;
        var failures = new List<string>();
        var ran = 0;
        foreach (var dashboard in DashboardFile.All())
        {
            var macros = new GrafanaMacros(from, to, Interval);
            foreach (var query in dashboard.Queries())
            {
                var statement = query.Kind == QueryKind.Variable && dashboard.Variables().First(v => DashboardFile.Text(v, "name") == query.Owner) is var variable
                    ? await ResolveVariableAsync(lab, macros, query, variable, failures)
                    : macros.Interpolate(query.Text);
                if (statement is null)
                {
                    continue;
                }
                ran++;
                var series = query.Kind == QueryKind.Variable ? [] : await lab.QueryAsync(statement);
                if (query.Kind != QueryKind.Variable && !series.Any(s => s.HasValue))
                {
                    failures.Add($"{query}\n  sent: {statement}\n  answer: {series.Count} series, none with a value");
                }
            }
            output.WriteLine($"{dashboard.Name}: variables {string.Join(", ", macros.Variables.Select(v => $"{v.Key}={string.Join('|', v.Value.Values)}"))}");
        }
        output.WriteLine($"{ran} statements run");
        failures.ShouldBeEmpty(string.Join("\n", failures));
        ran.ShouldBeGreaterThan(60);

        await StatusTable_ShowsWeb2DownAndWeb1UpAsync(lab, from, to);
        await Annotations_ReturnTheDownEventsWithTheirSeverityAsync(lab, from, to);
    }

    /// <summary>Runs a variable's query; its real results become the variable's value, as Grafana's picker would.</summary>
    private static async Task<string?> ResolveVariableAsync(FleetLab lab, GrafanaMacros macros, DashboardQuery query, JsonElement variable, List<string> failures)
    {
        var statement = macros.Interpolate(query.Text);
        var values = (await lab.QueryAsync(statement)).SelectMany(s => s.Rows).Select(r => r["value"].GetString()!).ToList();
        var multi = variable.TryGetProperty("multi", out var m) && m.GetBoolean() || variable.TryGetProperty("includeAll", out var a) && a.GetBoolean();
        if (values.Count == 0)
        {
            failures.Add($"{query}\n  sent: {statement}\n  answer: no values");
            return null;
        }
        if (multi)
        {
            macros.Set(query.Owner, values, multi: true); // "All"
        }
        else
        {
            var chosen = Chosen[query.Owner];
            values.ShouldContain(chosen, $"{query}: the variable's own values");
            macros.Set(query.Owner, [chosen], multi: false);
        }
        return statement;
    }

    private static async Task StatusTable_ShowsWeb2DownAndWeb1UpAsync(FleetLab lab, DateTimeOffset from, DateTimeOffset to)
    {
        var fleet = DashboardFile.Load("haproxy-fleet.json");
        var table = fleet.Queries().Single(q => q.Kind == QueryKind.Panel && q.Owner == "Servers");
        table.IsTable.ShouldBeTrue();
        var macros = new GrafanaMacros(from, to, Interval);
        macros.Set("host", [FleetLab.Host], multi: true);
        macros.Set("node", [FleetLab.Node], multi: true);
        var series = await lab.QueryAsync(macros.Interpolate(table.Text));
        string Status(string server) =>
            series.Single(s => s.Tags["proxy"] == "be_web" && s.Tags["server"] == server).Rows.Single()["status"].GetString()!;
        Status("web2").ShouldStartWith("DOWN");
        Status("web1").ShouldStartWith("UP");
        series.Single(s => s.Tags["server"] == "api1").Tags["host"].ShouldBe(FleetLab.Host);
    }

    private static async Task Annotations_ReturnTheDownEventsWithTheirSeverityAsync(FleetLab lab, DateTimeOffset from, DateTimeOffset to)
    {
        var macros = new GrafanaMacros(from, to, Interval);
        macros.Set("host", [FleetLab.Host], multi: false);
        macros.Set("backend", ["be_web"], multi: false);
        macros.Set("server", ["web2"], multi: false);
        var server = DashboardFile.Load("haproxy-server.json").Queries().Where(q => q.Kind == QueryKind.Annotation).ToList();
        async Task<List<string>> Messages(string severity) =>
            (await lab.QueryAsync(macros.Interpolate(server.Single(q => q.Owner.EndsWith(severity, StringComparison.Ordinal)).Text)))
                .SelectMany(s => s.Rows).Select(r => r["message"].GetString()!).ToList();

        (await Messages("warning")).ShouldContain(m => m.Contains("Server be_web/web2 is DOWN"));
        var critical = await Messages("critical");
        critical.ShouldContain(m => m.Contains("Server be_web/web2 is DOWN"));
        critical.ShouldContain(m => m.Contains("backend be_web has no server available"));
        (await Messages("recovery")).ShouldContain(m => m.Contains("Server be_web/web2 is UP"));
        (await Messages("info")).ShouldContain(m => m.Contains("be_web/web2 is going DOWN for maintenance"));
        // web1's events belong to web1's dashboard, not web2's.
        critical.ShouldNotContain(m => m.Contains("be_web/web1"));
    }
}
