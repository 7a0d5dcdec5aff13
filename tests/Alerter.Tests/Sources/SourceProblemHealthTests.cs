using Alerter.Journal;
using Alerter.Sources;
using Alerter.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Storage.Sqlite;
using TestSupport;

namespace Alerter.Tests.Sources;

/// <summary>
/// What the Alerter records about its sources (<see cref="SourceProblems"/>, <c>journal_checkpoint</c>) as the web page's
/// health reader (<see cref="SqliteStorageReader"/>) reads it: a source with a problem carries its text, also when it has
/// no checkpoint; a journal source is listed beside the files; the problem is gone once the source reads again.
/// </summary>
public class SourceProblemHealthTests
{
    [Fact]
    public async Task Health_ProblemJournalAndFile_EachSourceOnceWithItsProblem()
    {
        using var dir = new TempDirectory("ahealth");
        var path = dir.Combine("alerter.db");
        var database = new AlerterDatabase(path, [new EventSchema(), new CheckpointSchema(), new JournalCheckpointSchema(), new SourceProblemSchema()]);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        var problems = new SourceProblems(database, time, NullLogger<SourceProblems>.Instance);
        using (var connection = database.OpenEnsured())
        {
            JournalCheckpointStore.Touch(connection, "journal:system", "lb1", time.GetUtcNow());
        }

        problems.Report("/var/log/haproxy.log", "lb1", "cannot read the log file /var/log/haproxy.log: permission denied. <b>x</b>");
        problems.Report("journal:system", "lb1", null);
        var reader = new SqliteStorageReader(dir.Combine("collector.db"), path, time);
        var scans = (await reader.GetHealthAsync(CancellationToken.None)).LogScans;

        scans.Select(s => (s.Source, s.LastScan, s.Problem)).ShouldBe(
        [
            ("/var/log/haproxy.log", null, "cannot read the log file /var/log/haproxy.log: permission denied. <b>x</b>"),
            ("journal:system", time.GetUtcNow(), null),
        ]);
        problems.Count.ShouldBe(1);

        problems.Report("/var/log/haproxy.log", "lb1", null);
        (await reader.GetHealthAsync(CancellationToken.None)).LogScans.ShouldAllBe(s => s.Problem == null);
        problems.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Report_ProblemLeftByAnEarlierRun_ClearedWhenTheSourceReadsAtFirstLook()
    {
        using var dir = new TempDirectory("ahealth");
        var path = dir.Combine("alerter.db");
        var database = new AlerterDatabase(path, [new SourceProblemSchema()]);
        var time = new FakeTimeProvider();
        new SourceProblems(database, time, NullLogger<SourceProblems>.Instance).Report("/l", "lb1", "missing");

        new SourceProblems(database, time, NullLogger<SourceProblems>.Instance).Report("/l", "lb1", null);

        using var connection = database.Open();
        SourceProblemStore.ReadAll(connection).ShouldBeEmpty();
        await Task.CompletedTask;
    }
}
