using System.Net;
using System.Text.Json;
using Dashboard.Web.Tests.Support;
using HAProxy.Logs;
using TestSupport;

namespace Dashboard.Web.Tests.Api;

/// <summary>The JSON API through WebApplicationFactory over a store filled by the real writers: 30 polls, 10 s apart, ending now.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private const int Polls = 30;
    private readonly TempDirectory _directory = new("web-api");
    private readonly DateTimeOffset _end = DateTimeOffset.UtcNow;
    private TestStore _store = null!;
    private WebFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _store = new TestStore(_directory.Path);
        _store.WriteSamples(_end, Polls, TimeSpan.FromSeconds(10));
        _store.WriteEvent(LogEventKind.ServerDown, "be", "srv2", _end.AddMinutes(-3), "Server be/srv2 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\"");
        _store.WriteEvent(LogEventKind.ServerUp, "be", "srv1", _end.AddMinutes(-2), "Server be/srv1 is UP, reason: Layer7 check passed");
        _factory = WebFactory.For(_store);
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _directory.Dispose();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static JsonElement Row(JsonElement overview, string kind, string? proxy, string? server = null) =>
        overview.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == kind
            && (proxy is null || r.GetProperty("proxy").GetString() == proxy)
            && (server is null || r.GetProperty("server").GetString() == server));

    [Fact]
    public async Task Overview_FilledStore_ReturnsNewestValuesStatusAndSparklines()
    {
        var (status, body) = await GetAsync("/api/overview");
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("rows").GetArrayLength().ShouldBe(6);
        var srv1 = Row(body, "server", "be", "srv1");
        srv1.GetProperty("status").GetString().ShouldBe("UP");
        srv1.GetProperty("checkStatus").GetString().ShouldBe("L7OK");
        srv1.GetProperty("sessionRate").GetDouble().ShouldBe(TestStore.Srv1Rate(Polls - 1));
        srv1.GetProperty("sessionsLimit").GetDouble().ShouldBe(100);
        srv1.GetProperty("stale").GetBoolean().ShouldBeFalse();
        srv1.GetProperty("timeUnixMs").GetInt64().ShouldBe(_end.ToUnixTimeMilliseconds());
        var spark = srv1.GetProperty("spark").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).ToList();
        spark.Count.ShouldBeGreaterThanOrEqualTo(4); // 5 minutes of samples in a 15-minute per-minute sparkline
        Row(body, "server", "be", "srv2").GetProperty("status").GetString().ShouldBe("DOWN");
        var process = Row(body, "process", null);
        process.GetProperty("node").GetProperty("idle_pct").GetDouble().ShouldBe(97.5);
        process.GetProperty("version").GetString().ShouldBe("2.6.12");
        var host = body.GetProperty("hosts").EnumerateArray().Single();
        host.GetProperty("host").GetString().ShouldBe(TestStore.Host);
        host.GetProperty("stale").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Range_ServerLastHour_ReturnsBucketsHoldingTheWrittenValues()
    {
        var from = _end.AddMinutes(-10).ToUnixTimeMilliseconds();
        var to = _end.AddSeconds(1).ToUnixTimeMilliseconds();
        var (status, body) = await GetAsync($"/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate,sessions_limit&from={from}&to={to}&step=10s");
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("resolution").GetString().ShouldBe("raw");
        body.GetProperty("stepMs").GetInt64().ShouldBe(10_000);
        var rates = body.GetProperty("avg").GetProperty("session_rate").EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
        rates.Count.ShouldBe(Polls);
        rates[^1].ShouldBe(TestStore.Srv1Rate(Polls - 1));
        rates.ShouldAllBe(v => v >= 10 && v <= 16);
        body.GetProperty("times").GetArrayLength().ShouldBe(body.GetProperty("avg").GetProperty("session_rate").GetArrayLength());
    }

    [Fact]
    public async Task Range_ProcessSeries_NeedsOnlyTheHost()
    {
        var (status, body) = await GetAsync("/api/range?measurement=process&host=lb1&fields=idle_pct&range=15m");
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("avg").GetProperty("idle_pct").EnumerateArray().ShouldContain(v => v.ValueKind == JsonValueKind.Number && v.GetDouble() == 97.5);
    }

    [Theory]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=nosuch&fields=session_rate", "nosuch")]
    [InlineData("/api/range?measurement=backend&host=lb1&proxy=nosuch&fields=session_rate", "nosuch")]
    [InlineData("/api/range?measurement=server&host=elsewhere&proxy=be&server=srv1&fields=session_rate", "elsewhere")]
    public async Task Range_UnknownSeries_Is404NamingIt(string path, string named)
    {
        var (status, body) = await GetAsync(path);
        status.ShouldBe(HttpStatusCode.NotFound);
        body.GetProperty("error").GetString()!.ShouldContain(named);
    }

    [Theory]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&from=yesterday", "'from'")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&range=90d", "at most 31 days")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&from=1&to=99999999999999999", "'to'")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&range=banana", "'range'")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&from=1796160000000&to=1796150000000", "before it starts")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=no_such_field", "no_such_field")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=status", "text")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&fields=session_rate", "'server' is required")]
    [InlineData("/api/range?measurement=bogus&host=lb1&fields=session_rate", "'measurement'")]
    [InlineData("/api/range?measurement=server&proxy=be&server=srv1&fields=session_rate", "'host' is required")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&step=-5", "'step'")]
    [InlineData("/api/events?kind=Bogus", "Unknown event kind")]
    [InlineData("/api/events?severity=loud", "Unknown severity")]
    [InlineData("/api/events?limit=100000", "'limit'")]
    [InlineData("/api/events?before=abc", "'before'")]
    [InlineData("/api/events?range=400d", "at most 31 days")]
    public async Task BadInput_Is400WithASentence(string path, string says)
    {
        var (status, body) = await GetAsync(path);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString()!.ShouldContain(says);
        body.ToString().ShouldNotContain("   at "); // no stack trace
    }

    [Fact]
    public async Task Events_FilteredByServer_ReturnTheStoredTransitionWithItsMessage()
    {
        var (status, body) = await GetAsync("/api/events?host=lb1&proxy=be&server=srv2&range=1h");
        status.ShouldBe(HttpStatusCode.OK);
        var e = body.GetProperty("events").EnumerateArray().Single();
        e.GetProperty("kind").GetString().ShouldBe("ServerDown");
        e.GetProperty("message").GetString().ShouldStartWith("Server be/srv2 is DOWN");
        DateTimeOffset.Parse(e.GetProperty("time").GetString()!).ToUnixTimeMilliseconds().ShouldBe(_end.AddMinutes(-3).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Events_PagedByOne_WalkNewestFirst()
    {
        var (_, first) = await GetAsync("/api/events?range=1h&limit=1");
        first.GetProperty("events")[0].GetProperty("server").GetString().ShouldBe("srv1");
        var before = first.GetProperty("nextBefore").GetInt64();
        var (_, second) = await GetAsync($"/api/events?range=1h&limit=1&before={before}");
        second.GetProperty("events")[0].GetProperty("server").GetString().ShouldBe("srv2");
        var (_, kinds) = await GetAsync("/api/events?range=1h&kind=ServerUp");
        kinds.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("server").GetString()).ShouldBe(["srv1"]);
    }

    [Fact]
    public async Task Health_ReportsTheAlerterStoreWithoutScans()
    {
        var (status, body) = await GetAsync("/api/health");
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("staleAfterMs").GetInt64().ShouldBe(30_000);
        body.GetProperty("suite").GetProperty("logScans").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryEndpoint()
    {
        var (status, body) = await GetAsync("/openapi/v1.json");
        status.ShouldBe(HttpStatusCode.OK);
        var paths = body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(["/api/overview", "/api/range", "/api/events", "/api/schema", "/api/health", "/api/live", "/api/stream"], ignoreOrder: true);
        body.GetProperty("paths").GetProperty("/api/range").GetProperty("get").GetProperty("responses").EnumerateObject()
            .Select(r => r.Name).ShouldBe(["200", "400", "404"], ignoreOrder: true);
    }

    [Fact]
    public async Task Schema_ListsTheStoredFieldNames()
    {
        var (_, body) = await GetAsync("/api/schema");
        var server = body.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "server");
        server.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ShouldContain("bytes_in_rate");
        body.GetProperty("stateChanges").EnumerateArray().Select(k => k.GetString()).ShouldContain("ServerDown");
    }

    [Fact]
    public async Task Schema_GivesThePageItsChartsSeveritiesAndMarkers()
    {
        var (_, body) = await GetAsync("/api/schema");
        var measurements = body.GetProperty("measurements").EnumerateArray().ToDictionary(m => m.GetProperty("kind").GetString()!);
        var serverCharts = measurements["server"].GetProperty("charts").EnumerateArray().ToArray();
        var processFields = measurements["process"].GetProperty("charts").EnumerateArray()
            .SelectMany(c => c.GetProperty("fields").EnumerateArray()).Select(f => f.GetProperty("name").GetString()).ToArray();

        serverCharts[0].GetProperty("title").GetString().ShouldBe("Bytes in / out");
        serverCharts[0].GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("label").GetString()))
            .ShouldBe([("bytes_in_rate", "in"), ("bytes_out_rate", "out")]);
        processFields.ShouldContain("current_connections");
        body.GetProperty("severities").EnumerateArray().Select(v => v.GetProperty("name").GetString())
            .ShouldBe(["critical", "warning", "recovery", "info"]);
        body.GetProperty("markers").GetProperty("ServerUp").GetString().ShouldBe("up");
        body.GetProperty("markers").GetProperty("ServerEnteringMaintenance").GetString().ShouldBe("maint");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/server?host=lb1&proxy=be&server=srv1&at=1796160000000")]
    [InlineData("/events")]
    public async Task Pages_AreServedWithStrictHeaders(string path)
    {
        using var response = await _client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<script type=\"module\" src=\"/js/app.js\"></script>");
        html.ShouldNotContain("<script>"); // no inline script
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task Assets_IncludeUPlotFromNpm()
    {
        using var response = await _client.GetAsync("/lib/uPlot.esm.js");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("export { uPlot as default }");
    }

    [Fact]
    public async Task UnknownPath_Is404WithHeaders()
    {
        using var response = await _client.GetAsync("/nothing-here");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }
}
