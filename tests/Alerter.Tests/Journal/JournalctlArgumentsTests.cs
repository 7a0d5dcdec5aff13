using Alerter.Journal;

namespace Alerter.Tests.Journal;

public class JournalctlArgumentsTests
{
    [Fact]
    public void Follow_Defaults_AllMatchingEntriesAfterTheCursorAtNoticeOrWorse()
        => JournalctlArguments.Follow(new JournalOptions(), "s=1;i=2").ShouldBe(
            ["--output=json", "--no-pager", "--quiet", "--priority=notice", "--follow", "--no-tail", "--after-cursor=s=1;i=2",
             "_SYSTEMD_UNIT=haproxy.service", "+", "SYSLOG_IDENTIFIER=haproxy"]);

    [Fact]
    public void Last_WithDirectoryAndOneMatch_OneLineFromThatDirectory()
        => JournalctlArguments.Last(new JournalOptions { Directory = "/srv/journal", Matches = ["SYSLOG_IDENTIFIER=haproxy"], Priority = "" }).ShouldBe(
            ["--output=json", "--no-pager", "--quiet", "--directory=/srv/journal", "--lines=1", "SYSLOG_IDENTIFIER=haproxy"]);
}
