using Alerter.Commands;

namespace Alerter.Tests.Commands;

public class StatusReportTests
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 21, 22, 0, 0, TimeSpan.Zero);

    internal static FileStatus File(string path, DateTimeOffset? lastScan) => new(path, "lb1", lastScan, 1200, 1500, 2049, 77, 3, 2, 1, 0, 1, 1, Now.AddMinutes(-5), "Continue");

    [Fact]
    public void ExitCode_EveryFileScannedWithinThreePeriods_Zero()
    {
        var report = new StatusReport("/data/alerter.db", [File("/var/log/a.log", Now.AddSeconds(-15))], null, TimeSpan.FromSeconds(5), Now);

        report.StaleFiles.ShouldBeEmpty();
        report.ExitCode.ShouldBe(0);
    }

    [Fact]
    public void ExitCode_OneFileOlderThanThreePeriods_OneAndNamesIt()
    {
        var report = new StatusReport("/data/alerter.db",
            [File("/var/log/a.log", Now.AddSeconds(-2)), File("/var/log/b.log", Now.AddSeconds(-15.001))], null, TimeSpan.FromSeconds(5), Now);

        report.StaleFiles.Select(f => f.Path).ShouldBe(["/var/log/b.log"]);
        report.ExitCode.ShouldBe(1);
    }

    [Fact]
    public void ExitCode_ConfiguredFileNeverScanned_Stale()
    {
        var report = new StatusReport("/data/alerter.db", [File("/var/log/a.log", null)], null, TimeSpan.FromSeconds(5), Now);

        report.IsStale(report.Files[0]).ShouldBeTrue();
        report.ExitCode.ShouldBe(1);
    }

    [Fact]
    public void ExitCode_NoFileKnown_One()
    {
        new StatusReport("/data/alerter.db", [], null, TimeSpan.FromSeconds(5), Now).ExitCode.ShouldBe(1);
    }

    [Fact]
    public void ExitCode_FreshFileWithAProblem_OneAndNamesIt()
    {
        var report = new StatusReport("/data/alerter.db", [File("/var/log/a.log", Now.AddSeconds(-1)) with { Problem = "permission denied" }], null, TimeSpan.FromSeconds(5), Now);

        report.UnreadableSources.ShouldBe(["/var/log/a.log"]);
        report.ExitCode.ShouldBe(1);
    }

    [Fact]
    public void ExitCode_JournalFollowingAndNoFile_ZeroUntilItHasAProblem()
    {
        var journal = new JournalStatus("journal:system", "lb1", Now.AddSeconds(-4), "s=1", 10, 2, 2, 0, 0, null, null);
        new StatusReport("/d.db", [], null, TimeSpan.FromSeconds(5), Now, Journals: [journal]).ExitCode.ShouldBe(0);

        var unreadable = new StatusReport("/d.db", [], null, TimeSpan.FromSeconds(5), Now, Journals: [journal with { Problem = "cannot read the journal" }]);
        unreadable.ExitCode.ShouldBe(1);
        unreadable.UnreadableSources.ShouldBe(["journal:system"]);
    }
}
