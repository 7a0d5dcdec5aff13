using System.Net;
using System.Text;
using System.Text.Json;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Api;

/// <summary>With Dashboard:Influx:Url set the page reads a real influxd (Debian's 1.6.7) instead of SQLite.</summary>
[Trait("Category", "Integration")]
public sealed class InfluxReaderTests
{
    [Fact]
    public async Task Overview_WithInfluxUrl_ReadsTheFleetDatabase()
    {
        using var directory = new TempDirectory("web-influx");
        await using var influx = await InfluxDbProcess.StartWithDatabaseAsync(directory.Path);
        using var http = new HttpClient();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var line = $"haproxy_server,host=fleet7,proxy=be,server=s9 status=\"MAINT\",session_rate=4.5,up=0i {now}";
        using (var write = await http.PostAsync($"{influx.Url}/write?db=haproxy&precision=ms", new StringContent(line, Encoding.UTF8)))
        {
            write.StatusCode.ShouldBe(HttpStatusCode.NoContent, await write.Content.ReadAsStringAsync());
        }
        var store = new TestStore(directory.Path); // SQLite files that do not exist: only InfluxDB has data
        await using var factory = WebFactory.For(store, ("Dashboard:Influx:Url", influx.Url), ("Dashboard:Influx:Database", "haproxy"));
        using var client = factory.CreateClient();
        var body = JsonDocument.Parse(await client.GetStringAsync("/api/overview")).RootElement;
        var row = body.GetProperty("rows").EnumerateArray().Single();
        row.GetProperty("host").GetString().ShouldBe("fleet7");
        row.GetProperty("server").GetString().ShouldBe("s9");
        row.GetProperty("status").GetString().ShouldBe("MAINT");
        row.GetProperty("sessionRate").GetDouble().ShouldBe(4.5);
    }
}
