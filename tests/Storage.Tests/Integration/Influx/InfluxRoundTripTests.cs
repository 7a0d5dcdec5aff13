using Storage.Samples;
using TestSupport;

namespace Storage.Tests.Integration.Influx;

[Trait("Category", "Integration")]
public class InfluxRoundTripTests
{
    private static string Quote(string identifier) => "\"" + identifier.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Literal(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    [Fact]
    public async Task Write_NamesHAProxyAllowsAndHardTagValues_ReadBackExactly()
    {
        using var dir = new TempDirectory("ifx");
        await using var influx = await InfluxDbProcess.StartAsync(dir.Path);
        await using var host = await InfluxSinkHost.StartAsync(InfluxSinkHost.V1Settings(influx, dir));
        // HAProxy allows letters, digits, '.', ':', '-', '_' in proxy and server names; the rest come from
        // other sources (host names, event messages) and exercise every escape of the encoder.
        var cases = new (string Proxy, string Server, string Message)[]
        {
            ("be.web:80-a_b", "srv-01.dc1:8080_x", "plain"),
            ("a b,c=d", "say \"hi\"", "quote \" and \\ backslash"),
            ("日本語", "serveur-été", "héllo wörld ✓ 😀"),
            ("back\\slash", "tab\there", "comma, equals= space"),
        };
        var samples = cases.Select((c, i) => new Sample(
            "haproxy_server",
            [KeyValuePair.Create("host", "lb 1"), KeyValuePair.Create("proxy", c.Proxy), KeyValuePair.Create("server", c.Server)],
            [KeyValuePair.Create("message", FieldValue.Of(c.Message)), KeyValuePair.Create("n", FieldValue.Of((long)i))],
            TestPoints.Start.AddSeconds(i))).ToList();
        await host.Sink.WriteAsync(samples, CancellationToken.None);
        await host.WaitUntilAsync(s => s.PointsWritten == cases.Length, TimeSpan.FromSeconds(30), "write of the points");

        foreach (var (proxy, server, message) in cases)
        {
            var rows = await influx.RowsAsync(
                $"SELECT \"message\", \"proxy\", \"server\", \"host\" FROM \"haproxy_server\" WHERE \"proxy\" = {Literal(proxy)} AND \"server\" = {Literal(server)}",
                "haproxy");
            var row = rows.ShouldHaveSingleItem($"proxy {proxy} server {server}");
            row["proxy"].GetString().ShouldBe(proxy);
            row["server"].GetString().ShouldBe(server);
            row["host"].GetString().ShouldBe("lb 1");
            row["message"].GetString().ShouldBe(message);
        }
        host.Status.DroppedPoints.ShouldBe(0);
    }

    [Fact]
    public async Task Write_MeasurementAndKeysNeedingEscapes_ReadBackExactly()
    {
        using var dir = new TempDirectory("ifx");
        await using var influx = await InfluxDbProcess.StartAsync(dir.Path);
        await using var host = await InfluxSinkHost.StartAsync(InfluxSinkHost.V1Settings(influx, dir));
        const string measurement = "my measure,ment=é\"";
        const string tagKey = "tag key,=x";
        const string fieldKey = "field key,=\"y\"";
        await host.Sink.WriteAsync(
            [new Sample(measurement, [KeyValuePair.Create(tagKey, "v a,l=ue")], [KeyValuePair.Create(fieldKey, FieldValue.Of(42.5))], TestPoints.Start)],
            CancellationToken.None);
        await host.WaitUntilAsync(s => s.PointsWritten == 1, TimeSpan.FromSeconds(30), "write");
        var row = (await influx.RowsAsync($"SELECT {Quote(fieldKey)}, {Quote(tagKey)} FROM {Quote(measurement)}", "haproxy")).ShouldHaveSingleItem();
        row[fieldKey].GetDouble().ShouldBe(42.5);
        row[tagKey].GetString().ShouldBe("v a,l=ue");
    }

    [Fact]
    public async Task Write_NewlinesInTagAndField_StoredAsBackslashNOnOneLine()
    {
        using var dir = new TempDirectory("ifx");
        await using var influx = await InfluxDbProcess.StartAsync(dir.Path);
        await using var host = await InfluxSinkHost.StartAsync(InfluxSinkHost.V1Settings(influx, dir));
        await host.Sink.WriteAsync(
            [
                new Sample("haproxy_event", [KeyValuePair.Create("server", "two\nlines")], [KeyValuePair.Create("message", FieldValue.Of("a\r\nb"))], TestPoints.Start),
                new Sample("haproxy_event", [KeyValuePair.Create("server", "next")], [KeyValuePair.Create("message", FieldValue.Of("c"))], TestPoints.Start),
            ],
            CancellationToken.None);
        await host.WaitUntilAsync(s => s.PointsWritten == 2, TimeSpan.FromSeconds(30), "write");
        var rows = await influx.RowsAsync("SELECT \"message\", \"server\" FROM \"haproxy_event\"", "haproxy");
        rows.Select(r => (r["server"].GetString(), r["message"].GetString())).OrderBy(x => x.Item1)
            .ShouldBe([("next", "c"), ("two\\nlines", "a\\r\\nb")]);
        host.Logs.All.ShouldContain("altered 3 names/values");
    }
}
