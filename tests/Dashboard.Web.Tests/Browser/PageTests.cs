using Alerter.Messages.Templates;
using System.Diagnostics;
using Microsoft.Playwright;
using TestSupport;

namespace Dashboard.Web.Tests.Browser;

/// <summary>The page in Debian's Chromium against the real stack, as a person uses it. Screenshots go to TestResults/dashboard-web.</summary>
[Trait("Category", "Integration")]
public sealed class PageTests(WebStack stack) : IClassFixture<WebStack>
{
    private string ServerPage(string server, string range = "15m") => $"{stack.Url}/server?host=lb1&proxy=be&server={server}&range={range}";

    [Fact]
    public async Task Overview_LoadsCleanly_AndAServerTakenDownTurnsRedWithinOneIntervalPlusASecond()
    {
        await using var session = await PageSession.OpenAsync(stack.Browser, stack.Url + "/");
        var page = session.Page;
        await page.WaitForSelectorAsync(".row[data-name='be/srv2'] .badge.st-up");
        (await page.Locator(".row[data-name='fe'] .badge").TextContentAsync()).ShouldBe("OPEN");
        await page.WaitForSelectorAsync("#live.on");
        await session.ScreenshotAsync("overview.png");
        try
        {
            var watch = Stopwatch.StartNew();
            stack.Srv2.Stop();
            await page.WaitForSelectorAsync(".row[data-name='be/srv2'] .badge.st-down", new PageWaitForSelectorOptions { Timeout = 30_000 });
            watch.Stop();
            // HAProxy needs up to one check (inter 100 ms, fall 1) to see it; then one Collector interval plus 1 s.
            watch.Elapsed.ShouldBeLessThan(WebStack.CollectorInterval + TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(500),
                $"red after {watch.ElapsedMilliseconds} ms");
            await session.ScreenshotAsync("overview-server-down.png");
            // Problems only: the DOWN server stays, the healthy frontend goes.
            await page.CheckAsync("#problems");
            await page.WaitForSelectorAsync(".row[data-name='fe']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
            (await page.Locator(".row[data-name='be/srv2']").CountAsync()).ShouldBe(1);
            page.Url.ShouldContain("problems=1");
            await page.UncheckAsync("#problems");
        }
        finally
        {
            stack.Srv2.Start();
        }
        await page.WaitForSelectorAsync(".row[data-name='be/srv2'] .badge.st-up");
        session.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ServerPage_ChartsHoldPointsAndMarkTheDownAndUpEvents()
    {
        stack.Srv1.Stop();
        try
        {
            await Poll.UntilAsync(() => stack.HAProxy.Output.Length >= 0 && File.ReadAllText(stack.Directory.Combine("haproxy.log")).Contains("be/srv1 is DOWN"),
                TimeSpan.FromSeconds(20), "haproxy logged srv1 DOWN");
        }
        finally
        {
            stack.Srv1.Start();
        }
        await using var session = await PageSession.OpenAsync(stack.Browser, ServerPage("srv1"));
        var page = session.Page;
        // The Alerter stores the DOWN and UP within a scan or two; the page redraws on the events the stream pushes.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.chart .marker.down').length > 0 && document.querySelectorAll('.chart .marker.up').length > 0",
            null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 200 });
        await page.WaitForFunctionAsync("() => Number(document.querySelector(\".chart[data-title='Session and request rate']\")?.dataset.points) > 3",
            null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 200 });
        var titles = await page.Locator(".chart").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.title)");
        titles.ShouldBe(["Bytes in / out", "Sessions", "Session and request rate", "HTTP responses by class", "Errors", "Queue", "Connect, response and total time"]);
        (await page.Locator(".chart .marker.down").First.GetAttributeAsync("title"))!.ShouldContain("be/srv1 is DOWN");
        (await page.Locator(".chart canvas").CountAsync()).ShouldBeGreaterThanOrEqualTo(7);
        await session.ScreenshotAsync("server.png");

        // The events timeline links each transition to the server's page at that moment (the alert e-mail's link).
        await session.GoAsync(stack.Url + "/events?server=srv1");
        await page.WaitForSelectorAsync("#events tbody tr");
        var link = page.Locator("#events tbody tr a").First;
        (await link.GetAttributeAsync("href"))!.ShouldMatch(@"^/server\?host=lb1&proxy=be&server=srv1&at=\d+$");
        await session.ScreenshotAsync("events.png");
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(href!, StringComparison.Ordinal));
        await page.WaitForSelectorAsync("body[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        try
        {
            await page.WaitForSelectorAsync(".chart .marker.at", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            await session.ScreenshotAsync("server-at-failed.png");
            throw;
        }
        session.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("srv1", "server")]
    [InlineData(null, "backend")]
    public async Task AlertMailLink_ServerAndBackendEvents_OpenTheirPageWithCharts(string? server, string kind)
    {
        // Issue 18 item 7: a backend event's mail linked /server?host=..&proxy=.. without server= ("This page needs host
        // and proxy and server"). The links are built by the Alerter's own DashboardLink.
        var link = Alerter.Messages.Templates.DashboardLink.Build(stack.Url, WebStack.Host, "be", server, DateTimeOffset.UtcNow.AddSeconds(-5))!;
        await using var session = await PageSession.OpenAsync(stack.Browser, link);
        var page = session.Page;

        await page.WaitForFunctionAsync("() => Number(document.querySelector(\".chart[data-title='Session and request rate']\")?.dataset.points) > 0",
            null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 200 });
        (await page.Locator("p.error").CountAsync()).ShouldBe(0, await page.Locator("main").InnerTextAsync());
        (await page.Locator("#crumbs").InnerTextAsync()).ShouldContain($"{kind} be");
        if (server is null)
        {
            (await page.Locator(".chart[data-title='Active and backup servers']").CountAsync()).ShouldBe(1);
        }
        session.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task RangeSwitch_ReloadsTheChartsAndTvModeRendersWithoutControls()
    {
        await using var session = await PageSession.OpenAsync(stack.Browser, ServerPage("srv2"));
        var page = session.Page;
        await page.WaitForSelectorAsync("#ranges button.on[data-range='15m']");
        await page.ClickAsync("#ranges button[data-range='6h']");
        await page.WaitForURLAsync(url => url.Contains("range=6h", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("body[data-ready='1']");
        await page.WaitForSelectorAsync("#ranges button.on[data-range='6h']");
        await page.WaitForFunctionAsync("() => Number(document.querySelector('.chart')?.dataset.points) > 0", null,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 200 });
        (await page.Locator("main p.info").First.TextContentAsync())!.ShouldContain("step");

        await session.GoAsync(stack.Url + "/?tv=1");
        await page.WaitForSelectorAsync(".row[data-name='be/srv1']");
        (await page.EvaluateAsync<bool>("() => document.body.classList.contains('tv')")).ShouldBeTrue();
        (await page.Locator("#nav").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator(".toolbar").IsVisibleAsync()).ShouldBeFalse();
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        background.ShouldBe("rgb(11, 15, 23)");
        await session.ScreenshotAsync("overview-tv.png");
        session.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task HealthStrip_LogSourceTheAlerterCannotRead_ShownInRedWithItsProblemAsText()
    {
        // What the Alerter's SourceProblems publishes for a source it cannot read (through Storage's health writer, the
        // table the page reads). The problem names a file, and names are untrusted: markup in it must stay text.
        var alerterDb = Path.Combine(stack.Directory.Path, "data", "alerter", "alerter.db");
        const string problem = "cannot read the log file /var/log/<img src=x onerror=alert(1)>.log: permission denied. The Alerter runs as user nobody (uid 65534)";
        await Poll.UntilAsync(() => HasHealthTables(alerterDb), TimeSpan.FromSeconds(30), "the Alerter's health tables");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={alerterDb};Default Timeout=10"))
        {
            connection.Open();
            new Storage.Sqlite.SqliteAlerterHealth(connection).RecordProblem("/var/log/other.log", "lb1", problem);
        }
        try
        {
            await using var session = await PageSession.OpenAsync(stack.Browser, stack.Url + "/");
            var page = session.Page;
            var item = page.Locator("#health span.bad", new PageLocatorOptions { HasTextString = "log source /var/log/other.log unreadable" });
            await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            (await item.TextContentAsync()).ShouldBe("log source /var/log/other.log unreadable: " + problem);
            (await page.Locator("#health img").CountAsync()).ShouldBe(0);
            await session.ScreenshotAsync("health-unreadable-source.png");
            session.Errors.ShouldBeEmpty();
        }
        finally
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={alerterDb};Default Timeout=10");
            connection.Open();
            new Storage.Sqlite.SqliteAlerterHealth(connection).ClearProblem("/var/log/other.log");
        }
    }

    private static bool HasHealthTables(string database)
    {
        if (!File.Exists(database))
        {
            return false;
        }
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=10");
        connection.Open();
        return Storage.Sqlite.AlerterHealthTable.Exists(connection);
    }
}
