using System.Globalization;
using Microsoft.Playwright;

namespace Dashboard.Web.Benchmarks;

/// <summary><c>dashboard web</c>'s own CPU and RSS while <c>browsers</c> pages (separate contexts) watch the overview of <c>servers</c> servers live.</summary>
public static class WatchBench
{
    public static async Task<int> RunAsync(int servers, int browsers, int seconds)
    {
        var dir = Directory.CreateTempSubdirectory("web-watch-").FullName;
        try
        {
            await using var store = new LiveStore(dir, servers);
            var port = Processes.FreePort();
            using var web = Processes.StartDashboard(store.DatabasePath, port);
            try
            {
                var url = $"http://127.0.0.1:{port}";
                await Processes.WaitForHttpAsync(url);
                using var playwright = await Playwright.CreateAsync();
                await using var browser = await BrowserBench.Launch(playwright);
                var idleRss = Processes.RssBytes(web.Id);
                for (var i = 0; i < browsers; i++)
                {
                    var context = await browser.NewContextAsync();
                    var page = await context.NewPageAsync();
                    await page.GotoAsync(url + "/");
                    await page.WaitForSelectorAsync("#live.on", new PageWaitForSelectorOptions { Timeout = 60_000 });
                }
                store.StartLive();
                await Task.Delay(TimeSpan.FromSeconds(6));
                var before = Processes.CpuSeconds(web.Id);
                var wall = System.Diagnostics.Stopwatch.StartNew();
                long maxRss = 0;
                while (wall.Elapsed < TimeSpan.FromSeconds(seconds))
                {
                    maxRss = Math.Max(maxRss, Processes.RssBytes(web.Id));
                    await Task.Delay(500);
                }
                var cpu = Processes.CpuSeconds(web.Id) - before;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| dashboard web, {browsers} browsers watching {servers:N0} servers live (poll every 2 s) | CPU {100 * cpu / wall.Elapsed.TotalSeconds:0.0}% of one core; RSS {maxRss / 1048576.0:0} MiB max (idle before the browsers: {idleRss / 1048576.0:0} MiB) over {wall.Elapsed.TotalSeconds:0} s |"));
            }
            finally
            {
                web.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }
}
