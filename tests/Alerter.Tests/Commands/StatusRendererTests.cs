using Alerter.Commands;
using Alerter.Sending.Outbox;

namespace Alerter.Tests.Commands;

public class StatusRendererTests
{
    private static readonly DateTimeOffset Now = StatusReportTests.Now;

    [Fact]
    public void Render_FreshFileAndOutbox_WholeText()
    {
        var report = new StatusReport("/data/alerter.db", [StatusReportTests.File("/var/log/haproxy.log", Now.AddSeconds(-4))],
            new OutboxSnapshot(2, 1, Now.AddMinutes(-3), "noc@example.org", "451 try later"), TimeSpan.FromSeconds(5), Now);

        StatusRenderer.Render(report).ShouldBe("""
            Alerter database: /data/alerter.db
            Scan period: 5 s (stale after 3 periods)
            [ok] /var/log/haproxy.log (host lb1)
                last scan 2026-11-21 21:59:56Z (4 s ago); offset 1200 of 1500 bytes; inode 77 on device 2049
                events 3 (2 new); malformed 1, overlong 0, invalid UTF-8 1; rotations 1; last action Continue
                last event at 2026-11-21 21:55:00Z
            Outbox: 2 pending, 1 failed; last delivery 2026-11-21 21:57:00Z to noc@example.org
                last error: 451 try later

            """.ReplaceLineEndings("\n").Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AlertsThatMatchedNoRoute_CountedWithTheLatest()
    {
        var report = new StatusReport("/data/alerter.db", [], new OutboxSnapshot(0, 0, null, null, null, 2, "Critical Transitions alert of lb1 be_web"),
            TimeSpan.FromSeconds(5), Now);

        StatusRenderer.Render(report).ShouldContain("    2 alert(s) matched no route and reached nobody (last: Critical Transitions alert of lb1 be_web); check Alerter:Policy:Routes");
    }

    [Fact]
    public void Render_InfluxExportKnown_OneLineWithCursorAndWaiting()
    {
        var report = new StatusReport("/data/alerter.db", [], null, TimeSpan.FromSeconds(5), Now, new InfluxExportStatus(42, 3));

        StatusRenderer.Render(report).ShouldContain("InfluxDB export: through event 42; 3 events after it");
    }

    [Fact]
    public void Render_StaleAndNeverScannedFiles_MarkedStaleWithAge()
    {
        var report = new StatusReport("/data/alerter.db",
            [StatusReportTests.File("/var/log/a.log", Now.AddMinutes(-10)), StatusReportTests.File("/var/log/b.log", null) with { Host = null, LastEvent = null }],
            null, TimeSpan.FromSeconds(5), Now);

        var text = StatusRenderer.Render(report);

        text.ShouldContain("[STALE] /var/log/a.log (host lb1)");
        text.ShouldContain("last scan 2026-11-21 21:50:00Z (10 min ago)");
        text.ShouldContain("[STALE] /var/log/b.log" + Environment.NewLine);
        text.ShouldContain("last scan never;");
        text.ShouldContain("Outbox: not available in this build");
    }

    [Theory]
    [InlineData(-5, "0 s")]
    [InlineData(119, "119 s")]
    [InlineData(7199, "120 min")]
    [InlineData(3 * 3600 + 1800, "3.5 h")]
    public void Render_Ages_SecondsMinutesHours(int secondsAgo, string expected)
    {
        var report = new StatusReport("/d.db", [StatusReportTests.File("/l", Now.AddSeconds(-secondsAgo))], null, TimeSpan.FromDays(1), Now);

        StatusRenderer.Render(report).ShouldContain($"({expected} ago)");
    }

    [Fact]
    public void Render_NothingKnown_SaysSo()
    {
        StatusRenderer.Render(new StatusReport("/d.db", [], null, TimeSpan.FromSeconds(5), Now))
            .ShouldContain("No log file has been scanned yet and none is configured.");
    }

    [Fact]
    public void Render_UnreadableFileAndJournal_MarkedWithTheirProblems()
    {
        var report = new StatusReport("/d.db", [new FileStatus("/var/log/haproxy.log", "lb1", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, "cannot read the log file /var/log/haproxy.log: permission denied.")],
            null, TimeSpan.FromSeconds(5), Now, Journals: [new JournalStatus("journal:system", "lb1", Now.AddSeconds(-2), null, 0, 0, 0, 0, 0, null, "journalctl was not found.")]);

        var text = StatusRenderer.Render(report);

        text.ShouldContain("[UNREADABLE] /var/log/haproxy.log (host lb1)" + Environment.NewLine);
        text.ShouldContain("    problem: cannot read the log file /var/log/haproxy.log: permission denied." + Environment.NewLine);
        text.ShouldContain("[UNREADABLE] journal:system (host lb1)" + Environment.NewLine + "    last read 2026-11-21 21:59:58Z (2 s ago); 0 entries; cursor none yet");
        text.ShouldContain("    problem: journalctl was not found." + Environment.NewLine);
    }
}
