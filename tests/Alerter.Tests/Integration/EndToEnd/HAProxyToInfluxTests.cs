using Alerter.Tests.Integration.Sending;
using Alerter.Tests.Support;
using System.Globalization;
using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// <c>haproxy_event</c> into a real InfluxDB (Debian's influxd 1.6.7), from real HAProxy log lines through the real
/// <c>alerter run</c>: what Grafana annotations and the dashboards read.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HAProxyToInfluxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ServerStoppedThenStartedWithInfluxConfigured_DownAndUpEventsInInfluxWithTagsAndFields()
    {
        using var influxDirectory = new TempDirectory("e2i");
        await using var influx = await InfluxDbProcess.StartAsync(influxDirectory.Path);
        var influxSettings = new Dictionary<string, string?>
        {
            ["Alerter:Influx:Url"] = influx.Url,
            ["Alerter:Influx:Database"] = "haproxy", // created by the sink on its first write
            ["Alerter:Influx:RetryDelay"] = "00:00:00.200",
        };
        await using var lab = await EndToEndLab.StartAsync(new Dictionary<string, string[]> { ["app"] = ["web1", "web2"] }, influxSettings, DeliverySettings.Noc);

        lab.Server("app/web1").Stop();
        await lab.WaitForLogLinesAsync("Server app/web1 is DOWN", 1, Timeout);
        await lab.WaitForMessagesAsync(1, Timeout);
        lab.Server("app/web1").Start();
        await lab.WaitForLogLinesAsync("Server app/web1 is UP", 1, Timeout);
        await lab.WaitForMessagesAsync(2, Timeout);

        var rows = await WaitForEventsAsync(influx, "web1", 2, lab);
        rows.Count.ShouldBe(2, lab.Describe());
        rows[0]["kind"].GetString().ShouldBe("ServerDown");
        rows[0]["severity"].GetString().ShouldBe("warning");
        rows[0]["host"].GetString().ShouldBe(EndToEndLab.Host);
        rows[0]["proxy"].GetString().ShouldBe("app");
        rows[0]["message"].GetString()!.ShouldContain("Server app/web1 is DOWN");
        rows[0]["active_left"].GetInt64().ShouldBe(1);
        rows[1]["kind"].GetString().ShouldBe("ServerUp");
        rows[1]["severity"].GetString().ShouldBe("recovery");
        rows[1]["message"].GetString()!.ShouldContain("Server app/web1 is UP");
        var down = DateTimeOffset.Parse(rows[0]["time"].GetString()!, CultureInfo.InvariantCulture);
        var up = DateTimeOffset.Parse(rows[1]["time"].GetString()!, CultureInfo.InvariantCulture);
        up.ShouldBeGreaterThan(down);
        (DateTimeOffset.UtcNow - down).ShouldBeLessThan(TimeSpan.FromMinutes(5), "the point carries the log line's time");
        lab.Alerter.Output.ShouldNotContain("Exporting events to InfluxDB failed");

        // alerter status, from another process, sees the export caught up (it runs every second).
        var line = "";
        for (var attempt = 0; attempt < 10 && !line.Contains("; 0 events after it", StringComparison.Ordinal); attempt++)
        {
            using var status = AlerterProcess.Start(lab.Directory.Path, ["status", "--config", lab.Directory.Combine("alerter.json")]);
            line = await status.WaitForLineAsync(l => l.StartsWith("InfluxDB export: through event ", StringComparison.Ordinal), Timeout);
        }
        line.ShouldContain("; 0 events after it", Case.Sensitive, lab.Describe());
    }

    private static async Task<List<Dictionary<string, System.Text.Json.JsonElement>>> WaitForEventsAsync(InfluxDbProcess influx, string server, int count, EndToEndLab lab)
    {
        var deadline = DateTime.UtcNow + Timeout;
        List<Dictionary<string, System.Text.Json.JsonElement>> rows = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                rows = await influx.RowsAsync(
                    $"SELECT \"message\", \"active_left\", \"host\", \"proxy\", \"kind\", \"severity\" FROM \"haproxy_event\" WHERE \"server\" = '{server}'", "haproxy");
                if (rows.Count >= count)
                {
                    return rows;
                }
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("database not found", StringComparison.Ordinal))
            {
                // the sink has not created it yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{rows.Count} of {count} haproxy_event points for {server} in InfluxDB; {lab.Describe()}\nalerter:\n{lab.Alerter.Output}");
    }
}
