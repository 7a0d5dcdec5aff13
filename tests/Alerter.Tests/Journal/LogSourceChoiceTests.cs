using Alerter.Journal;

namespace Alerter.Tests.Journal;

public class LogSourceChoiceTests
{
    [Fact]
    public void Decide_AutoNoSourcesNoDebianFile_Journal()
    {
        var choice = LogSourceChoice.Decide(JournalUse.Auto, 0, _ => false);

        (choice.Journal, choice.DefaultFile).ShouldBe((true, null));
        choice.Reason.ShouldBe("no file source is configured and /var/log/haproxy.log does not exist (no rsyslog): reading the journal");
    }

    [Theory]
    [InlineData("/var/log/haproxy.log")]
    [InlineData("/var/log/haproxy.log.1")] // just rotated by Debian's logrotate: the new file comes with HAProxy's next line
    public void Decide_AutoNoSourcesDebianFileOrItsCopyExists_TheFile(string existing)
    {
        var choice = LogSourceChoice.Decide(JournalUse.Auto, 0, path => path == existing);

        (choice.Journal, choice.DefaultFile).ShouldBe((false, "/var/log/haproxy.log"));
    }

    [Fact]
    public void Decide_AutoWithConfiguredFiles_FilesOnlyEvenWhenMissing()
        => LogSourceChoice.Decide(JournalUse.Auto, 1, _ => false).ShouldBe(new LogSourceChoice(false, null, "file sources are configured (Alerter:Logs:Sources) and Alerter:Journal:Use is Auto"));

    [Fact]
    public void Decide_AlwaysAndNever_AsSaid()
    {
        LogSourceChoice.Decide(JournalUse.Always, 2, _ => true).Journal.ShouldBeTrue();
        LogSourceChoice.Decide(JournalUse.Never, 0, _ => false).ShouldBe(new LogSourceChoice(false, null, "Alerter:Journal:Use is Never"));
    }
}
