using System.Net;
using System.Text.Json;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Api;

/// <summary>A store that does not exist yet (before the Collector's first poll) or is empty reads as empty results, never a 500.</summary>
public sealed class EmptyStoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MissingOrEmptyStore_AnswersEmptyResults(bool createEmpty)
    {
        using var directory = new TempDirectory("web-empty");
        var store = new TestStore(directory.Path);
        if (createEmpty)
        {
            store.WriteSamples(DateTimeOffset.UtcNow, 0, TimeSpan.FromSeconds(10)); // schema only
        }
        await using var factory = WebFactory.For(store);
        using var client = factory.CreateClient();
        foreach (var (path, array) in new[] { ("/api/overview", "rows"), ("/api/events", "events") })
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty(array).GetArrayLength().ShouldBe(0);
        }
        using var health = await client.GetAsync("/api/health");
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var range = await client.GetAsync("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate");
        range.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
