using System.Net;
using System.Text.Json;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Live;

/// <summary>Issue 18 item 9: no cap on event streams. Past Dashboard:Stream:MaxStreams (in all) or MaxStreamsPerClient, 503 with a sentence.</summary>
public sealed class StreamLimitTests
{
    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/stream");
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Fact]
    public async Task Streams_PastTheTotalCap_Get503()
    {
        using var directory = new TempDirectory("web-stream-cap");
        var store = new TestStore(directory.Path);
        store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(1));
        await using var factory = WebFactory.For(store, ("Dashboard:Stream:MaxStreams", "2"));
        using var client = factory.CreateClient();
        using var first = await OpenAsync(client);
        using var second = await OpenAsync(client);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var third = await OpenAsync(client);
        third.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!.ShouldContain("Dashboard:Stream:MaxStreams");
        third.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Streams_PastThePerClientCap_Get503_WhileAnotherClientIsServed()
    {
        using var directory = new TempDirectory("web-stream-client-cap");
        var store = new TestStore(directory.Path);
        store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(1));
        // The in-process server's peer is this machine; a trusted proxy's X-Forwarded-For names the client, and the
        // credential lets a forwarded stranger in.
        await using var factory = WebFactory.For(store, ("Dashboard:Stream:MaxStreamsPerClient", "1"),
            ("Dashboard:Auth:TrustedProxies", "127.0.0.1"), ("Dashboard:Auth:Token", "stream-cap-token"));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "stream-cap-token");
        using var a = await OpenAsync(client, "192.0.2.10");
        a.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await OpenAsync(client, "192.0.2.10");
        again.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!.ShouldContain("MaxStreamsPerClient");
        using var other = await OpenAsync(client, "192.0.2.11");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
