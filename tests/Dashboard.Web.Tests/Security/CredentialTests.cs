using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Security;

/// <summary>With a credential configured every request needs it: page, assets, API and event stream alike.</summary>
public sealed class CredentialTests : IDisposable
{
    private const string Token = "t0ken-for-tests-only";
    private const string Password = "correct horse";
    private static readonly string[] Paths = ["/", "/server?host=lb1&proxy=be&server=srv1", "/js/app.js", "/api/overview", "/api/events", "/api/health", "/openapi/v1.json", "/api/stream"];
    // These tests send many wrong credentials from one client on purpose; the throttle has its own tests (ThrottleTests).
    private static readonly (string, string?) NoThrottle = ("Dashboard:Auth:AttemptsPerMinute", "1000");
    private readonly TempDirectory _directory = new("web-auth");
    private readonly TestStore _store;

    public CredentialTests()
    {
        _store = new TestStore(_directory.Path);
        _store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(10));
    }

    public void Dispose() => _directory.Dispose();

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        // Headers only: the event stream's body never ends.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Basic");
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            (await response.Content.ReadAsStringAsync()).ShouldNotContain(Token);
        }
        return response.StatusCode;
    }

    [Fact]
    public async Task Token_EveryPathRefusedWithoutAndAcceptedWithIt()
    {
        await using var factory = WebFactory.For(_store, ("Dashboard:Auth:Token", Token), NoThrottle);
        using var client = factory.CreateClient();
        foreach (var path in Paths)
        {
            (await StatusAsync(client, path, null)).ShouldBe(HttpStatusCode.Unauthorized, path);
            (await StatusAsync(client, path, new AuthenticationHeaderValue("Bearer", "wrong"))).ShouldBe(HttpStatusCode.Unauthorized, path);
            (await StatusAsync(client, path, new AuthenticationHeaderValue("Bearer", Token))).ShouldBe(HttpStatusCode.OK, path);
            // A browser sends basic auth only (for the event stream too): the token as the password.
            (await StatusAsync(client, path, Basic("anyone", Token))).ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task HashedPassword_BasicAuthAcceptedOnlyWithUserAndPassword()
    {
        var hashFile = Path.Combine(_directory.Path, "dashboard.hash");
        await File.WriteAllTextAsync(hashFile, PasswordHash.Create(Password, 10_000) + "\n");
        await using var factory = WebFactory.For(_store, ("Dashboard:Auth:User", "noc"), ("Dashboard:Auth:PasswordHashFile", hashFile), NoThrottle);
        using var client = factory.CreateClient();
        foreach (var path in new[] { "/", "/api/overview", "/api/stream" })
        {
            (await StatusAsync(client, path, null)).ShouldBe(HttpStatusCode.Unauthorized, path);
            (await StatusAsync(client, path, Basic("noc", "wrong"))).ShouldBe(HttpStatusCode.Unauthorized, path);
            (await StatusAsync(client, path, Basic("someone", Password))).ShouldBe(HttpStatusCode.Unauthorized, path);
            (await StatusAsync(client, path, Basic("noc", Password))).ShouldBe(HttpStatusCode.OK, path);
        }
    }
}
