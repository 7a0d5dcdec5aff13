using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Security;

/// <summary>The real <c>dashboard web</c> process: where it may listen, and who it answers there.</summary>
[Trait("Category", "Integration")]
public sealed class BindTests : IDisposable
{
    private const string Token = "bind-test-token-4711";
    private readonly TempDirectory _directory = new("web-bind");
    private readonly TestStore _store;

    public BindTests()
    {
        _store = new TestStore(_directory.Path);
        _store.WriteSamples(DateTimeOffset.UtcNow, 2, TimeSpan.FromSeconds(10));
    }

    public void Dispose() => _directory.Dispose();

    private DotnetProcess Start(string urls, Dictionary<string, string>? environment = null, params string[] extra) =>
        DotnetProcess.Start(Paths.Dashboard, ["web", "--db", _store.CollectorDatabase, "--urls", urls, .. extra], _directory.Path, environment);

    [Theory]
    [InlineData("http://0.0.0.0:{0}")]
    [InlineData("http://*:{0}")]
    [InlineData("http://127.0.0.1:{0};http://[::]:{0}")]
    public async Task NonLoopbackBind_WithoutCredential_RefusesToStartWithOneLine(string pattern)
    {
        var urls = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, FreePort.Next());
        await using var web = Start(urls);
        (await web.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, web.Output);
        var lines = web.Lines.Where(l => l.Length > 0).ToList();
        lines.Count.ShouldBe(1, web.Output);
        lines[0].ShouldStartWith("Configuration error: dashboard web would listen on");
        lines[0].ShouldContain("Dashboard:Auth:Token");
    }

    /// <summary>Issue 18 item 4: Kestrel's own endpoint settings listened on every interface past the check of Dashboard:Urls.</summary>
    [Theory]
    [InlineData("argument")]
    [InlineData("environment")]
    public async Task KestrelEndpointBeyondLoopback_WithoutCredential_RefusesToStartWithOneLine(string source)
    {
        var port = FreePort.Next();
        var url = $"http://0.0.0.0:{port}";
        await using var web = source == "argument"
            ? Start($"http://127.0.0.1:{FreePort.Next()}", null, $"--Kestrel:Endpoints:x:Url={url}")
            : Start($"http://127.0.0.1:{FreePort.Next()}", new() { ["MONITORING__Kestrel__Endpoints__x__Url"] = url });
        (await web.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, web.Output);
        var lines = web.Lines.Where(l => l.Length > 0).ToList();
        lines.Count.ShouldBe(1, web.Output);
        lines[0].ShouldStartWith($"Configuration error: dashboard web would listen on {url} (Kestrel:Endpoints:x:Url)");
    }

    /// <summary>Issue 18 item 10: a 110-line stack trace and exit 1 (Kestrel throws IOException wrapping AddressInUseException).</summary>
    [Fact]
    public async Task AddressInUse_IsOneConfigurationErrorNamingTheAddress_AndExit2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        await using var web = Start(url);
        (await web.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, web.Output);
        var lines = web.Lines.Where(l => l.Length > 0).ToList();
        lines.Count.ShouldBe(1, web.Output);
        lines[0].ShouldStartWith("Configuration error: Dashboard:Urls cannot be bound");
        lines[0].ShouldContain(url);
    }

    [Fact]
    public async Task SecretOnTheCommandLine_IsWarnedAboutWithoutEchoingIt()
    {
        var port = FreePort.Next();
        await using var web = Start($"http://127.0.0.1:{port}", null, $"--Dashboard:Auth:Token={Token}");
        await web.WaitForLineAsync(l => l.Contains("dashboard web: listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        web.Output.ShouldContain("Warning: Dashboard:Auth:Token is given on the command line, where ps shows it");
        web.Output.ShouldContain("Dashboard:Auth:TokenFile");
        web.Output.ShouldNotContain(Token);
    }

    [Fact]
    public async Task AnyAddressBind_WithToken_RefusesASecondLoopbackAddressWithoutItAndAcceptsItWith()
    {
        var port = FreePort.Next();
        var tokenFile = Path.Combine(_directory.Path, "token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        await using var web = Start($"http://0.0.0.0:{port}", new() { ["MONITORING__Dashboard__Auth__TokenFile"] = tokenFile });
        await web.WaitForLineAsync(l => l.Contains("dashboard web: listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        using var client = LoopbackClient.From(IPAddress.Parse("127.0.0.2"));
        var url = $"http://127.0.0.1:{port}";
        foreach (var path in new[] { "/", "/api/overview", "/api/stream" })
        {
            using (var refused = await client.GetAsync(url + path, HttpCompletionOption.ResponseHeadersRead))
            {
                refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, url + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var accepted = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
        web.Output.ShouldNotContain(Token); // never logged
    }

    [Fact]
    public async Task DefaultBind_IsLoopbackOnly()
    {
        var port = FreePort.Next();
        await using var web = Start($"http://127.0.0.1:{port}");
        await web.WaitForLineAsync(l => l.Contains($"listening on http://127.0.0.1:{port}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        using var client = LoopbackClient.From(IPAddress.Parse("127.0.0.2"));
        // Bound to 127.0.0.1 without a credential: reachable from this machine, answered without one.
        using var response = await client.GetAsync($"http://127.0.0.1:{port}/api/overview");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HashPassword_PrintsAHashThatVerifies()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Paths.Dashboard, "hash-password", "--iterations", "20000" })
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        try
        {
            await process.StandardInput.WriteLineAsync("pa55 word");
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
            process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
            var hash = output.Trim();
            hash.ShouldStartWith("pbkdf2-sha256$20000$");
            PasswordHash.Verify("pa55 word", hash).ShouldBeTrue();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
