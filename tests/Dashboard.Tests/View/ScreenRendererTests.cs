using Dashboard.Top.Input;
using Dashboard.Top.Model;
using Dashboard.Top.Update;
using Dashboard.Top.View;

namespace Dashboard.Tests.View;

public class ScreenRendererTests
{
    private static string Line(Screen screen, string contains) => screen.Lines.Single(l => l.Text.Contains(contains, StringComparison.Ordinal)).Text.TrimEnd();

    private static string Markup(Screen screen, string contains) => screen.Lines.Single(l => l.Text.Contains(contains, StringComparison.Ordinal)).Markup;

    [Fact]
    public void Render_StatusMode_ShowsHeaderHeadingsAndRows()
    {
        var screen = ScreenRenderer.Render(TopTestData.Model(width: 140, height: 20));

        screen.Lines.Count.ShouldBe(20);
        screen.Lines.ShouldAllBe(l => l.Text.Length == 140);
        screen.Lines[0].Text.TrimEnd().ShouldBe(
            "vm  HAProxy 2.6.12-1+deb12u4  Pid 26307  Uptime 0d 00:00:02  Tasks 17  Runq 0  Idle 98%  Conns 0/9983  Proxies 2  Servers 4");
        screen.Lines[1].Text.TrimEnd().ShouldBe(" 1 STATUS   2 TRAFFIC   3 HTTP   4 ERRORS   5 CLI    rows 1-6 of 6");
        screen.Lines[2].Text.TrimEnd().ShouldBe(
            "PROXY                    SERVICE                  WEIGHT STATUS      CHECK       ACT  BCK   QCUR   QMAX    SCUR    SMAX    SLIM       STOT");
        screen.Lines[3].Text.TrimEnd().ShouldBe(
            "fe                       FRONTEND                        OPEN                                                 0       2    9983         30");
        Line(screen, "srv1").ShouldBe(
            "be                       srv1                          1 UP          L4OK          1    0      0      0       0       1                 10");
        Line(screen, "srv3").ShouldBe(
            "be                       srv3                          1 DOWN        L4CON         1    0      0      0       0       0                  0");
        screen.Lines[^1].Text.ShouldStartWith("Last poll 21:40:00 (3 ms)");
        screen.Lines[^1].Text.TrimEnd().ShouldEndWith("? help  q quit");
    }

    [Fact]
    public void Render_StatusMode_ColoursDownMaintDrainAndReversesSelection()
    {
        var screen = ScreenRenderer.Render(TopTestData.Model(width: 140, height: 20).Apply(new MoveSelection(1)));

        Markup(screen, "srv3").ShouldStartWith("[down]be ");
        Markup(screen, "srv2").ShouldStartWith("[maint]be ");
        Markup(screen, "srv4").ShouldStartWith("[drain]be ");
        Markup(screen, "FRONTEND").ShouldStartWith("[aggregate]fe ");
        Markup(screen, "srv1").ShouldStartWith("[!normal]be ");
        Markup(screen, "srv1").ShouldNotContain("[normal]");
    }

    [Fact]
    public void Render_TrafficMode_ShowsCountersDeltaRatesAndSparkline()
    {
        var screen = ScreenRenderer.Render(TopTestData.Model(TopMode.Traffic, width: 160, height: 20));

        Line(screen, "PROXY").ShouldBe(
            "PROXY               SERVICE             WEIGHT STATUS      CHECK          LBTOT   RATE   RLIM   RMAX  SESS/S     BIN    BOUT    IN/S   OUT/S TRAFFIC 2m");
        Line(screen, "srv2").ShouldBe(
            "be                  srv2                     1 MAINT                         10     10            10     1.5     820    9.9K    2.0K    4.0K ▁▁▂▂▃▃▄▄▅▅▆▆▇▇██");
        Line(screen, "FRONTEND").ShouldContain("2.4K     26K");
    }

    [Fact]
    public void Render_HttpMode_ShowsRequestRatesAndResponseClasses()
    {
        var screen = ScreenRenderer.Render(TopTestData.Model(TopMode.Http, width: 160, height: 20));

        Line(screen, "PROXY").ShouldContain("REQ/S  RQMAX    REQTOT  REQ/S~    1XX      2XX     3XX     4XX     5XX  OTHER");
        Line(screen, "FRONTEND").ShouldEndWith("OPEN                       30     30        30     3.0      0       30       0       0       0      0");
        Line(screen, "srv1").ShouldEndWith("L4OK                            10     3.0      0       10       0       0       0      0");
    }

    [Fact]
    public void Render_ErrorsMode_ShowsChecksTransitionsAndErrors()
    {
        var screen = ScreenRenderer.Render(TopTestData.Model(TopMode.Errors, width: 160, height: 20));

        Line(screen, "PROXY").ShouldContain("CHKFAIL CHKDOWN  LASTCHG   ECON   EREQ  ERESP   DREQ  DRESP DOWNTIME");
        Line(screen, "srv3").ShouldEndWith("DOWN        L4CON            1       1       2s      0             0             0       2s");
        Line(screen, "srv2").ShouldEndWith("MAINT                        0       1       1s      0             0             0       1s");
    }

    [Fact]
    public void Render_CliMode_ShowsScrollbackAndInputLine()
    {
        var model = TopTestData.Model(TopMode.Cli, width: 100, height: 12)
            .Apply(new TextInput('h'), new TextInput('i'));
        model = model.Apply(new CliReplied(TopTestData.Endpoint, "x", "line one\nline two\n", Failed: false));

        var screen = ScreenRenderer.Render(model);

        screen.Lines[2].Text.ShouldStartWith(" CLI on /tmp/h/admin.sock (level admin)");
        var text = screen.ToText();
        text.ShouldContain("line one\nline two\n");
        Line(screen, "admin.sock> hi").ShouldBe("/tmp/h/admin.sock> hi_");
    }

    [Fact]
    public void Render_ConfirmDialog_ShowsTheExactCommand()
    {
        var model = TopTestData.Model(width: 140, height: 24).Apply(new MoveSelection(2), new RequestAdmin(new AdminAction(AdminActionKind.Maint)));

        var screen = ScreenRenderer.Render(model);

        screen.ToText().ShouldContain("set server be/srv2 state maint");
        screen.ToText().ShouldContain("Send it?  y = yes   n / Esc = no");
        Markup(screen, "state maint").ShouldContain("[dialog]");
    }

    [Fact]
    public void Render_HelpDialog_ListsEveryKeyWithItsHelp()
    {
        var screen = ScreenRenderer.Render(TopTestData.Model(width: 200, height: 50).Apply(new ShowHelp()));
        var text = screen.ToText();

        foreach (var binding in Keymap.Sections.SelectMany(s => s.Bindings).Where(b => b.Label.Length > 0))
        {
            text.ShouldContain(binding.Label);
            text.ShouldContain(binding.Help);
        }
    }

    [Fact]
    public void Render_TenThousandServersAtTheEnd_DrawsOnlyTheVisibleRows()
    {
        var snapshot = TopTestData.Snapshot(statText: TopTestData.ManyServers(10_000));
        var model = (TopModel.Create([TopTestData.Endpoint]) with { Width = 150, Height = 30 })
            .Apply(new SnapshotArrived(snapshot), new MoveToEdge(End: true));

        var screen = ScreenRenderer.Render(model);

        screen.Lines.Count.ShouldBe(30);
        screen.Lines[1].Text.ShouldContain("rows 9975-10000 of 10000");
        screen.Lines[^2].Text.ShouldMatch(@"^be +s09999 +1 UP ");
        screen.Lines[^2].Markup.ShouldStartWith("[!normal]");
    }

    [Fact]
    public void Render_NodeReconnecting_SaysSoAndShowsNoNumbers()
    {
        var model = TopTestData.Model(width: 140, height: 16)
            .Apply(new PollFailed(TopTestData.Endpoint, "connection refused", TopTestData.At.AddSeconds(2)));

        var screen = ScreenRenderer.Render(model);

        screen.Lines[0].Text.ShouldContain("reconnecting...");
        screen.Lines[0].Text.ShouldContain("last Pid 26307");
        screen.ToText().ShouldNotContain("srv1");
        screen.ToText().ShouldContain("Waiting for data...");
        screen.Lines[^1].Markup.ShouldContain("[error]/tmp/h/admin.sock: connection refused[/]");
    }

    [Fact]
    public void Render_AfterReload_ShowsNewPidAndTheOldOne()
    {
        var newInfo = HAProxy.Info.ProcessInfo.Parse(TopTestData.InfoText.Replace("Pid: 26307", "Pid: 30000"));
        var model = TopTestData.Model(width: 160, height: 16)
            .Apply(new SnapshotArrived(TopTestData.Snapshot(info: newInfo, at: TopTestData.At.AddSeconds(5))));

        var screen = ScreenRenderer.Render(model);

        screen.Lines[0].Text.ShouldContain("Pid 30000  (was 26307, new since 21:40:05)");
    }

    [Fact]
    public void Render_TwoNodes_AddsANodeColumnAndAHeaderLineEach()
    {
        var model = (TopModel.Create(["/a.sock", "/b.sock"]) with { Width = 160, Height = 24 })
            .Apply(new SnapshotArrived(TopTestData.Snapshot("/a.sock")), new SnapshotArrived(TopTestData.Snapshot("/b.sock")));

        var screen = ScreenRenderer.Render(model);

        screen.Lines[0].Text.ShouldStartWith("/a.sock  HAProxy");
        screen.Lines[1].Text.ShouldStartWith("/b.sock  HAProxy");
        screen.Lines[3].Text.ShouldStartWith("NODE         PROXY");
        screen.Lines.Count(l => l.Text.StartsWith("/b.sock      be", StringComparison.Ordinal)).ShouldBe(5);
        screen.Lines[2].Text.ShouldContain("rows 1-12 of 12");
    }

    [Fact]
    public void Render_NarrowTerminal_EveryLineIsExactlyTheWidth()
    {
        var screen = ScreenRenderer.Render(TopTestData.Model(TopMode.Traffic, width: 40, height: 10).Apply(new ShowHelp()));

        screen.Lines.Count.ShouldBe(10);
        screen.Lines.ShouldAllBe(l => l.Text.Length == 40);
    }
}
