using Alerter.Messages.Context;
using Alerter.Messages.Templates;
using Alerter.Policy;
using Alerter.Tests.Messages.Context;
using System.Text.RegularExpressions;

namespace Alerter.Tests.Messages.Templates;

public partial class AlertEmailHtmlTests
{
    private static string Render(AlertContextRequest request, ContextOutcome outcome, string? link = null, string summary = "<div class=\"summary\">s</div>")
        => AlertEmailHtml.Render(new AlertEmailPage(AlertSeverity.Warning, "[WARNING] app/web1 is DOWN", summary, request, outcome,
            outcome.Available ? "chart@x" : null, link));

    [Fact]
    public void Render_WithContext_NumbersAtTheAlertEqualTheContext()
    {
        var context = SampleContext.Build();
        var html = Render(SampleContext.Request(), new ContextOutcome(context, [1], null));

        var cells = Cell().Matches(html).ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value), m => m.Groups[3].Value);
        cells.Count.ShouldBe(8);
        foreach (var (field, _) in ContextFields.Shown)
        {
            cells[("server", field)].ShouldBe(HtmlText.Number(context.Server!.ValueAtAlert(field)));
            cells[("backend", field)].ShouldBe(HtmlText.Number(context.Backend.ValueAtAlert(field)));
        }
        cells[("server", ContextFields.SessionRate)].ShouldBe("12.25");
        cells[("backend", ContextFields.SessionsCurrent)].ShouldBe("41");
        cells[("server", ContextFields.ResponseTimeMs)].ShouldBe("n/a");
        html.ShouldContain("src=\"cid:chart@x\"");
        html.ShouldNotContain(AlertEmailHtml.UnavailablePrefix);
    }

    [Fact]
    public void Render_WithContext_ListsTheBackendServersWithTheirStatusNowAndWhereEachComesFrom()
    {
        var html = Render(SampleContext.Request(), new ContextOutcome(SampleContext.Build(), [1], null));
        var rows = Server().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        rows.ShouldBe([
            ("web1", "DOWN", "from the log 2026-12-01 12:30:00 UTC"),
            ("web2", "UP", "sampled 2026-12-01 12:29:50 UTC"),
            ("web3", "MAINT", "sampled 2026-12-01 12:29:50 UTC"),
        ]);
    }

    [Fact]
    public void Render_Unavailable_SaysWhyAndHasNoChart()
    {
        var html = Render(SampleContext.Request(), ContextOutcome.Unavailable("not ready within 200 ms"));
        html.ShouldContain("Traffic context unavailable: not ready within 200 ms");
        html.ShouldNotContain("cid:");
        html.ShouldNotContain("class=\"numbers\"");
    }

    [Fact]
    public void Render_HostileNamesFromHAProxy_NoMarkupInjected()
    {
        const string proxy = "app<script>alert(1)</script>";
        const string server = "web\"><img src=x onerror=alert(2)>\r\nX-Injected: yes";
        var request = SampleContext.Request(proxy, server);
        var context = SampleContext.Build(server);
        var link = DashboardLink.Build("http://noc.example.net", "lb1", proxy, server, request.At);
        var html = Render(request, new ContextOutcome(context, [1], null), link);

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("\r\nX-Injected");
        html.ShouldContain("app&lt;script&gt;alert(1)&lt;/script&gt;");
        Regex.Matches(html, "<img ").Count.ShouldBe(1); // only the chart
        Regex.Matches(html, "<a ").Count.ShouldBe(1); // only the dashboard link
    }

    [GeneratedRegex("<td align=\"right\" data-series=\"(server|backend)\" data-field=\"([a-z0-9_]+)\">([^<]*)</td>")]
    private static partial Regex Cell();

    [GeneratedRegex("<tr[^>]*><td>([^<]*)</td><td class=\"status\"[^>]*>([^<]*)</td><td class=\"as-of\"[^>]*>([^<]*)</td></tr>")]
    private static partial Regex Server();
}
