using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using TestSupport;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// Issue 18 item 6: 19 minutes after <c>kill -9</c> of the Alerter the strip still showed a grey "log scan ... ago"
/// and no banner. Its own stack, since the Alerter dies here.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HealthStripTests(WebStack stack) : IClassFixture<WebStack>
{
    [Fact]
    public async Task DeadAlerter_MakesItsLogScanRedAndStaleInTheStripAndTheBanner_WhileThePageStaysLive()
    {
        await using var session = await PageSession.OpenAsync(stack.Browser, stack.Url + "/");
        var page = session.Page;
        var scan = page.Locator("#health span", new PageLocatorOptions { HasTextString = "log scan" });
        await scan.First.WaitForAsync();
        (await scan.First.GetAttributeAsync("class")).ShouldNotBe("bad");

        ProcessSignal.Send(stack.Alerter.Pid, "KILL");
        // Three scan intervals (1 s each) without news, then the strip's next refresh (every 10 s).
        await page.WaitForSelectorAsync("#health span.bad:has-text('log scan'):has-text('STALE')", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var banner = page.Locator("#stale");
        await page.WaitForSelectorAsync("#stale:not(.hidden):has-text('log scan')", new PageWaitForSelectorOptions { Timeout = 30_000 });
        (await banner.TextContentAsync())!.ShouldContain("no news for");
        await session.ScreenshotAsync("health-alerter-dead.png");

        using var http = new HttpClient();
        var health = JsonDocument.Parse(await http.GetStringAsync(stack.Url + "/api/health")).RootElement;
        health.GetProperty("stale").EnumerateArray().Select(s => s.GetString()).ShouldContain(s => s!.StartsWith("log scan ", StringComparison.Ordinal));
        // The Collector still polls: its part is not stale, and the page itself is alive.
        health.GetProperty("parts").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "collector")
            .ShouldAllBe(p => !p.GetProperty("stale").GetBoolean());
        using var live = await http.GetAsync(stack.Url + "/api/live");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        session.Errors.ShouldBeEmpty();
    }
}
