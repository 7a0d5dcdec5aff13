using System.Net;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// Issue 18 item 4: behind a local reverse proxy every request comes from loopback, so a page without a credential
/// must judge the forwarded client: <c>X-Forwarded-For: 203.0.113.5</c> was served 200 without one.
/// </summary>
public sealed class ForwardedTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("web-forwarded");
    private WebFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        var store = new TestStore(_directory.Path);
        store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(10));
        // Even a trusted proxy does not make a forwarded stranger a loopback client.
        _factory = WebFactory.For(store, ("Dashboard:Auth:TrustedProxies", "127.0.0.1"));
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _directory.Dispose();
    }

    private async Task<HttpStatusCode> StatusAsync(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/overview");
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.5")]
    [InlineData("X-Forwarded-For", "203.0.113.5, 127.0.0.1")]
    [InlineData("X-Forwarded-For", "127.0.0.1, 10.1.2.3")]
    [InlineData("Forwarded", "for=203.0.113.5;proto=https")]
    [InlineData("Forwarded", "for=\"[2001:db8::17]:4711\"")]
    [InlineData("Forwarded", "for=unknown")]
    public async Task ForwardedForAStranger_WithoutCredential_Is401(string header, string value) =>
        (await StatusAsync(header, value)).ShouldBe(HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("Forwarded", "for=\"[::1]:5000\"")]
    public async Task ForwardedForLoopback_WithoutCredential_IsServed(string header, string value) =>
        (await StatusAsync(header, value)).ShouldBe(HttpStatusCode.OK);
}
