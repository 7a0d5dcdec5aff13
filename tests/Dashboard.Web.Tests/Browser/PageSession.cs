using Microsoft.Playwright;

namespace Dashboard.Web.Tests.Browser;

/// <summary>A browser tab on the stack's page that records every console error and uncaught exception.</summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly IBrowserContext _context;

    private PageSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add("uncaught: " + error);
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToList();
            }
        }
    }

    public static async Task<PageSession> OpenAsync(IBrowser browser, string url)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var session = new PageSession(context, page);
        await session.GoAsync(url);
        return session;
    }

    /// <summary>Navigates and waits until the page's script says it has drawn (body[data-ready]).</summary>
    public async Task GoAsync(string url)
    {
        await Page.GotoAsync(url);
        await Page.WaitForSelectorAsync("body[data-ready='1']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.Paths.Artifacts, name), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
