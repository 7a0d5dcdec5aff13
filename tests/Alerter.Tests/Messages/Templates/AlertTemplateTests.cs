using Alerter.Messages.Templates;
using Alerter.Policy;
using Alerter.Tests.Policy;

namespace Alerter.Tests.Messages.Templates;

public class AlertTemplateTests
{
    private static readonly AlertPolicyOptions Options = new();

    private static Alert Group(params PolicyEvent[] events) => new AlertPolicy(Options)
        .Evaluate(events, new Dictionary<ServerKey, FlapState>(), Events.T0.AddMinutes(1)).Alerts.ShouldHaveSingleItem();

    [Fact]
    public void Render_FiveServersDown_GroupedSubject()
    {
        var alert = Group(Enumerable.Range(1, 5).Select(i => Events.Down("app", $"s{i}", Events.T0.AddMilliseconds(100 * i), activeLeft: 6 - i)).ToArray());
        AlertEmailTemplate.Render(alert, new Dictionary<ServerKey, IReadOnlyList<RecentTransition>>(), Options).Subject
            .ShouldBe("[WARNING] 5 servers of backend app went DOWN on lb1");
    }

    [Fact]
    public void Render_SingleDown_BodyHasEveryFact()
    {
        var e = Events.Down("be", "srv3", Events.T0, activeLeft: 2);
        var recent = new Dictionary<ServerKey, IReadOnlyList<RecentTransition>>
        {
            [e.ServerKey!.Value] = [new RecentTransition(Events.T0.AddMinutes(-5), "ServerUp", "Layer7 check passed"), new RecentTransition(Events.T0, "ServerDown", "Layer4 connection problem")],
        };
        var message = AlertEmailTemplate.Render(Group(e), recent, Options);
        message.Subject.ShouldBe("[WARNING] be/srv3 is DOWN (Layer4 connection problem) on lb1");
        message.Body.ShouldContain("Host:     lb1");
        message.Body.ShouldContain("Backend:  be");
        message.Body.ShouldContain("Server:   srv3");
        message.Body.ShouldContain("2026-11-21 21:38:33 UTC  be/srv3 is DOWN");
        message.Body.ShouldContain("\"Connection refused\", 0 ms");
        message.Body.ShouldContain("2 active and 0 backup servers");
        message.Body.ShouldContain("Log:     " + e.Line);
        message.Body.ShouldContain("2026-11-21 21:33:33 UTC  is UP (Layer7 check passed)");
    }

    [Fact]
    public void Render_BackendWithoutServers_HtmlSummaryInCriticalColourWithEveryServer()
    {
        var alert = Group(Events.Down("app", "s1", Events.T0, activeLeft: 0), Events.NoServer("app", Events.T0));
        var html = AlertEmailTemplate.Render(alert, new Dictionary<ServerKey, IReadOnlyList<RecentTransition>>(), Options).HtmlSummary;
        html.ShouldContain("border-left:6px solid #b00020");
        html.ShouldContain(">CRITICAL</div>");
        html.ShouldContain("<td>app/s1 is DOWN</td>");
    }

    [Fact]
    public void Render_HostileNames_HtmlSummaryEncodesThem()
    {
        var alert = Group(Events.Down("app<script>x()</script>", "s\"><b>1", Events.T0));
        var html = AlertEmailTemplate.Render(alert, new Dictionary<ServerKey, IReadOnlyList<RecentTransition>>(), Options).HtmlSummary;
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<b>1");
        html.ShouldContain("app&lt;script&gt;x()&lt;/script&gt;");
        html.ShouldContain("s&quot;&gt;&lt;b&gt;1");
    }

    [Fact]
    public void RenderSms_LongNames_AtMost160Characters()
    {
        var alert = Group(Events.Down(new string('p', 120), new string('s', 120), Events.T0, activeLeft: 0), Events.NoServer(new string('p', 120), Events.T0));
        var text = AlertSmsTemplate.Render(alert, Options);
        text.Length.ShouldBe(160);
        text.ShouldStartWith("CRITICAL lb1: backend ppp");
        text.ShouldEndWith("...");
    }
}
