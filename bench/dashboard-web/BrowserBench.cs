using System.Globalization;
using Microsoft.Playwright;

namespace Dashboard.Web.Benchmarks;

/// <summary>
/// The overview of <c>servers</c> servers in Debian's Chromium (headless, Playwright, 1400x900): milliseconds from
/// navigation to the drawn rows (median of 5 loads), then the CPU the browser's processes use while a new poll of every
/// server lands every 2 s and the page applies it over the event stream.
/// </summary>
public static class BrowserBench
{
    public static async Task<int> RunAsync(int servers, int seconds)
    {
        var dir = Directory.CreateTempSubdirectory("web-bench-").FullName;
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
                await using var browser = await Launch(playwright);
                var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
                var loads = new List<double>();
                for (var i = 0; i < 6; i++)
                {
                    await page.GotoAsync(url + "/");
                    await page.WaitForSelectorAsync("body[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                    var ms = double.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.readyMs"), CultureInfo.InvariantCulture);
                    var rows = await page.Locator("#rows .row:not(.hidden)").CountAsync();
                    if (i > 0)
                    {
                        loads.Add(ms); // the first load warms the server's JIT and page cache
                    }
                    Console.Error.WriteLine($"load {i}: {ms} ms, {rows} rows drawn");
                }
                loads.Sort();
                var count = await page.EvaluateAsync<string>("() => document.querySelector('.count').textContent");
                Console.WriteLine($"| first render, {servers:N0} servers ({count}) | median {loads[loads.Count / 2]:0} ms, max {loads[^1]:0} ms of {loads.Count} loads |");

                // The page open, the stream ticking, no new samples: what the browser costs without updates.
                var (idlePct, idleSplit) = await MeasureCpuAsync(TimeSpan.FromSeconds(10));
                Console.WriteLine($"| browser CPU, page open, no new samples (10 s) | {idlePct:0.0}% of one core ({idleSplit}) |");
                store.StartLive();
                await Task.Delay(TimeSpan.FromSeconds(4)); // the first live polls arrive
                var cdp = await page.Context.NewCDPSessionAsync(page);
                await cdp.SendAsync("Performance.enable");
                var metricsBefore = await RendererMetricsAsync(cdp);
                var viewBefore = await page.InnerTextAsync("#rows");
                var (pct, split) = await MeasureCpuAsync(TimeSpan.FromSeconds(seconds));
                var metricsAfter = await RendererMetricsAsync(cdp);
                // The renderer's main thread by phase, from Chromium's own counters (Performance.getMetrics).
                var phases = string.Join(", ", new[] { "ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "TaskDuration" }
                    .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Replace("Duration", "")} {1000 * (metricsAfter[m] - metricsBefore[m]) / (seconds / 2.0):0} ms")));
                // Low CPU means nothing if the page stopped applying updates: the rows in view must have new numbers.
                var viewChanged = await page.InnerTextAsync("#rows") != viewBefore;
                var down = await page.Locator("#rows .row:not(.hidden) .badge.st-down").CountAsync();
                Console.WriteLine($"| browser CPU, live updates of {servers:N0} servers every 2 s | {pct:0.0}% of one core over {seconds} s ({split}; per update: {phases}; rows in view redrawn: {(viewChanged ? "yes" : "NO")}, {down} DOWN at the end) |");
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

    /// <summary>
    /// CPU of every Chromium process over <paramref name="duration"/>, as % of one core, and how it splits by process
    /// type: the renderer parses and draws, the browser process and the network service carry the stream.
    /// </summary>
    private static async Task<(string Percent, string Split)> MeasureCpuAsync(TimeSpan duration)
    {
        var before = Processes.ChromiumCpuSecondsByType();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(duration);
        var after = Processes.ChromiumCpuSecondsByType();
        var seconds = wall.Elapsed.TotalSeconds;
        var total = after.Values.Sum() - before.Values.Sum();
        var split = string.Join(", ", after.Select(t => (Type: t.Key, Cpu: t.Value - before.GetValueOrDefault(t.Key)))
            .Where(t => t.Cpu > 0).OrderByDescending(t => t.Cpu)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Type} {100 * t.Cpu / seconds:0.0}%")));
        return (string.Create(CultureInfo.InvariantCulture, $"{100 * total / seconds:0.0}"), split);
    }

    private static async Task<Dictionary<string, double>> RendererMetricsAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics");
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    public static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--disable-dev-shm-usage"],
    });
}
