using System.Text.Json;
using Dashboard.Web.Tests.Support;
using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;
using TestSupport;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// Issue 17 item 5: a host that stopped reporting (a renamed node, a retired LB) stayed on the page as a red "no new
/// data" banner forever. Retired by <c>Dashboard:RetiredHosts</c>, it leaves the overview; its history stays reachable.
/// </summary>
public sealed class RetiredHostTests : IDisposable
{
    private const string Retired = "lb-old";
    private readonly TempDirectory _directory = new("web-retired");
    private readonly TestStore _store;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public RetiredHostTests()
    {
        _store = new TestStore(_directory.Path);
        _store.WriteSamples(_now, 3, TimeSpan.FromSeconds(10));
        using var writer = new SqliteSampleWriter(_store.CollectorDatabase);
        for (var i = 0; i < 3; i++) // the old node's last samples, 20 minutes ago: stale
        {
            writer.Write([new Sample(Measurements.Server,
                [new(Measurements.HostTag, Retired), new(Measurements.ProxyTag, "be"), new(Measurements.ServerTag, "srv1")],
                [new(ProxyFields.Status, FieldValue.Of("UP")), new(ProxyFields.SessionRate, FieldValue.Of(5.0 + i))],
                _now.AddMinutes(-20).AddSeconds(10 * i))]);
        }
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<JsonElement> GetAsync(WebFactory factory, string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<(string? Host, bool Stale)> Hosts(JsonElement overview) => overview.GetProperty("hosts").EnumerateArray()
        .Select(h => (h.GetProperty("host").GetString(), h.GetProperty("stale").GetBoolean())).ToList();

    [Fact]
    public async Task Overview_HostNotRetired_StaysAsAStaleHost()
    {
        await using var factory = WebFactory.For(_store);

        var overview = await GetAsync(factory, "/api/overview");

        Hosts(overview).ShouldContain((Retired, true));
    }

    [Fact]
    public async Task Overview_RetiredHost_LeftOutButItsRowsAndHistoryStillReachableByName()
    {
        await using var factory = WebFactory.For(_store, ($"Dashboard:RetiredHosts:0", Retired));

        var overview = await GetAsync(factory, "/api/overview");
        var asked = await GetAsync(factory, $"/api/overview?host={Retired}");
        var range = await GetAsync(factory, $"/api/range?measurement=haproxy_server&host={Retired}&proxy=be&server=srv1&fields=session_rate&range=1h");

        Hosts(overview).ShouldBe([(TestStore.Host, false)]);
        overview.GetProperty("rows").EnumerateArray().ShouldNotContain(r => r.GetProperty("host").GetString() == Retired);
        asked.GetProperty("rows").EnumerateArray().ShouldContain(r => r.GetProperty("host").GetString() == Retired && r.GetProperty("server").GetString() == "srv1");
        range.GetProperty("avg").GetProperty("session_rate").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number)
            .Select(v => v.GetDouble()).ShouldContain(5.0, "the retired host's history is still read");
    }
}
