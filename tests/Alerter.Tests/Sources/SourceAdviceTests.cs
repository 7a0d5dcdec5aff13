using Alerter.Sources;

namespace Alerter.Tests.Sources;

public class SourceAdviceTests
{
    private static readonly AccessFacts Alerter = new("haproxy-monitoring", 998, ["haproxy-monitoring"], "root", "systemd-journal", 0x8000 | 0x1E8);

    [Fact]
    public void JournalUnreadable_SaysWhatJournalctlSaidWhoWeAreAndTheGroupToJoinWithTheRestart()
        => SourceAdvice.JournalUnreadable("No journal files were opened due to insufficient permissions.", Alerter, "/var/log/journal").ShouldBe(
            "cannot read the journal in /var/log/journal: journalctl says \"No journal files were opened due to insufficient permissions.\". "
            + "The Alerter runs as user haproxy-monitoring (uid 998) in groups haproxy-monitoring. Members of group systemd-journal (or adm) read the system journal: "
            + "on Debian `adduser haproxy-monitoring systemd-journal`, then restart the Alerter (a new group membership applies only to processes started after it). "
            + "/var/log/journal is owned by root:systemd-journal with mode 0750.");

    [Fact]
    public void FileUnreadable_GroupCannotReadEither_SaysToMakeItGroupReadable()
        => SourceAdvice.FileUnreadable("/var/log/haproxy.log", Alerter with { Group = "adm", Mode = 0x8000 | 0x180 })
            .ShouldEndWith("mode 0600. Its group may not read it: make it readable by a group of the user (Debian's rsyslog writes it root:adm 0640; then `adduser haproxy-monitoring adm`), then restart the Alerter (a new group membership applies only to processes started after it).");

    [Theory]
    [InlineData("No journal files were opened due to insufficient permissions.", true)]
    [InlineData("Failed to open files: Permission denied", true)]
    [InlineData("Hint: You are currently not seeing messages from other users and the system.", true)]
    [InlineData("-- No entries --", false)]
    public void IsJournalPermissionText_JournalctlsOwnLines(string line, bool expected)
        => SourceAdvice.IsJournalPermissionText(line).ShouldBe(expected);
}
