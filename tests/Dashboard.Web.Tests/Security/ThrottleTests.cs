using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// Issue 18 item 5: password guessing was free (200 wrong passwords cost 31.6 CPU-seconds of PBKDF2) and not
/// logged. The real process: a guesser gets 429 after its allowance, others are not held back, one log line a minute.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ThrottleTests : IDisposable
{
    private const string Password = "right horse battery";
    private readonly TempDirectory _directory = new("web-throttle");
    private readonly TestStore _store;

    public ThrottleTests()
    {
        _store = new TestStore(_directory.Path);
        _store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(10));
    }

    public void Dispose() => _directory.Dispose();

    private static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"noc:{password}")));

    private async Task<(DotnetProcess Web, string Url)> StartAsync(params string[] extra)
    {
        var port = FreePort.Next();
        var web = DotnetProcess.Start(Paths.Dashboard,
            ["web", "--db", _store.CollectorDatabase, "--urls", $"http://127.0.0.1:{port}", "--Dashboard:Auth:AttemptsPerMinute=3", .. extra],
            _directory.Path,
            new Dictionary<string, string> { ["MONITORING__Dashboard__Auth__User"] = "noc", ["MONITORING__Dashboard__Auth__PasswordHash"] = PasswordHash.Create(Password, 20_000) });
        await web.WaitForLineAsync(l => l.Contains("dashboard web: listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        return (web, $"http://127.0.0.1:{port}");
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string url, string password, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url + "/api/overview");
        request.Headers.Authorization = Basic(password);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task WrongPasswords_AreThrottledPerClient_AndLoggedOnceAMinute()
    {
        var (web, url) = await StartAsync();
        await using var _ = web;
        using var guesser = LoopbackClient.From(IPAddress.Parse("127.0.0.2"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add(await GetAsync(guesser, url, $"guess-{i}"));
        }
        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        // The right password from the guesser's address waits for its bucket like any other unverified header ...
        (await GetAsync(guesser, url, Password)).ShouldBe(HttpStatusCode.TooManyRequests);
        // ... and another client is not held back at all.
        using var colleague = LoopbackClient.From(IPAddress.Parse("127.0.0.3"));
        (await GetAsync(colleague, url, Password)).ShouldBe(HttpStatusCode.OK);
        (await GetAsync(colleague, url, Password)).ShouldBe(HttpStatusCode.OK);

        await Poll.UntilAsync(() => web.Lines.Any(l => l.Contains("Authentication failure from 127.0.0.2", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20), () => web.Output);
        web.Lines.Count(l => l.Contains("Authentication failure from", StringComparison.Ordinal)).ShouldBe(1, web.Output);
        web.Output.ShouldNotContain("guess-");
        web.Output.ShouldNotContain(Password);
    }

    [Fact]
    public async Task BehindATrustedProxy_TheForwardedClientIsThrottledAndLogged_NotTheProxy()
    {
        var (web, url) = await StartAsync("--Dashboard:Auth:TrustedProxies=127.0.0.4");
        await using var _ = web;
        using var proxy = LoopbackClient.From(IPAddress.Parse("127.0.0.4"));
        for (var i = 0; i < 3; i++)
        {
            (await GetAsync(proxy, url, $"guess-{i}", "198.51.100.7")).ShouldBe(HttpStatusCode.Unauthorized);
        }
        (await GetAsync(proxy, url, "guess-3", "198.51.100.7")).ShouldBe(HttpStatusCode.TooManyRequests);
        // Another client behind the same proxy has its own allowance.
        (await GetAsync(proxy, url, "other", "198.51.100.8")).ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(proxy, url, Password, "198.51.100.8")).ShouldBe(HttpStatusCode.OK);
        await Poll.UntilAsync(() => web.Lines.Any(l => l.Contains("Authentication failure from 198.51.100.7", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20), () => web.Output);
        web.Output.ShouldNotContain("Authentication failure from 127.0.0.4");
    }
}
