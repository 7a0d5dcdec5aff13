using System.Net;
using System.Text.Json;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TestSupport;

namespace Dashboard.Web.Tests.Api;

/// <summary>
/// Issue 18 item 8, as the tester sent it: NaN durations (500 and an Error-level stack trace each), a non-numeric
/// stream 'since' (400 with an empty body), a 7 KB host name echoed whole in a 404, HEAD answered 405.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("web-hostile");
    private readonly CapturingLoggerProvider _log = new();
    private WebFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        var store = new TestStore(_directory.Path);
        store.WriteSamples(DateTimeOffset.UtcNow, 3, TimeSpan.FromSeconds(10));
        _factory = WebFactory.For(store);
        _client = _factory.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(_log))).CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&range=NaN", "'range'")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&range=NaNm", "'range'")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&step=NaN", "'step'")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&step=NaNm", "'step'")]
    [InlineData("/api/range?measurement=server&host=lb1&proxy=be&server=srv1&fields=session_rate&range=Infinity", "'range'")]
    [InlineData("/api/events?range=NaN", "'range'")]
    [InlineData("/api/events?range=NaNm", "'range'")]
    [InlineData("/api/stream?since=abc", "'since'")]
    public async Task NaNAndNonsense_Are400WithAnErrorBody_AndNoErrorLogged(string path, string says)
    {
        using var response = await _client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()!.ShouldContain(says);
        _log.Lines.ShouldNotContain(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotFound_WithA7KBHostName_EchoesOnlyAClippedName()
    {
        var host = new string('h', 7 * 1024);
        using var response = await _client.GetAsync($"/api/range?measurement=server&host={host}&proxy=be&server=srv1&fields=session_rate");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
        error.Length.ShouldBeLessThan(200, error);
        error.ShouldContain("hhhh...");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/events")]
    [InlineData("/api/health")]
    [InlineData("/api/overview")]
    [InlineData("/api/schema")]
    [InlineData("/api/live")]
    public async Task Head_IsAnsweredWhereGetIs(string path)
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var get = await _client.GetAsync(path);
        head.Content.Headers.ContentType?.MediaType.ShouldBe(get.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Live_AnswersOkWithoutReadingTheSuite()
    {
        using var response = await _client.GetAsync("/api/live");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString().ShouldBe("ok");
    }
}
