using System.Net;
using System.Text.Json;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// Issue 18 item 2 on the real <c>dashboard web</c> process: started before its store was truncated, deleted and made
/// again. Before the fix it answered 500 on every call (<c>/api/health</c> included) long after the new store was
/// there, and after a plain delete and recreate it served the old file's frozen rows.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StoreReopenProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new("web-reopen");
    private readonly TestStore _store;

    public StoreReopenProcessTests() => _store = new TestStore(_directory.Path);

    public void Dispose() => _directory.Dispose();

    private void DeleteStore()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_store.CollectorDatabase + suffix);
        }
    }

    [Fact]
    public async Task DashboardWeb_StoreTruncatedThenRecreated_ClearErrorThenTheNewStoreAtTheNextCall()
    {
        _store.WriteSamples(DateTimeOffset.UtcNow, 300, TimeSpan.FromSeconds(1));
        var port = FreePort.Next();
        await using var web = DotnetProcess.Start(Paths.Dashboard,
            ["web", "--db", _store.CollectorDatabase, "--urls", $"http://127.0.0.1:{port}"], _directory.Path);
        await web.WaitForLineAsync(l => l.Contains($"listening on http://127.0.0.1:{port}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        (await Srv1StatusAsync(http)).ShouldBe("UP");
        (await http.GetAsync("/api/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var file = new FileStream(_store.CollectorDatabase, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(3 * 4096);
        }
        using var broken = await http.GetAsync("/api/overview");
        using var brokenHealth = await http.GetAsync("/api/health");

        broken.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await broken.Content.ReadAsStringAsync());
        var error = JsonDocument.Parse(await broken.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        error.ShouldNotBeNull().ShouldStartWith($"The store {_store.CollectorDatabase} cannot be read (");
        brokenHealth.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        DeleteStore();
        _store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(10), srv1Status: "DOWN");

        (await Srv1StatusAsync(http)).ShouldBe("DOWN", "the first call after the store is good reads it");
        (await http.GetAsync("/api/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        web.Output.ShouldNotContain("   at ");

        // Deleted and made again without any error in between: no frozen rows either.
        DeleteStore();
        _store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(10), srv1Status: "MAINT");
        (await Srv1StatusAsync(http)).ShouldBe("MAINT");
    }

    private static async Task<string?> Srv1StatusAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/api/overview");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("server").ValueKind == JsonValueKind.String && r.GetProperty("server").GetString() == "srv1")
            .GetProperty("status").GetString();
    }
}
