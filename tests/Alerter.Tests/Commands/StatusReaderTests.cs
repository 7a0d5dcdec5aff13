using Alerter.Commands;
using Alerter.Sending.Outbox;
using Alerter.Journal;
using Alerter.Logs;
using Alerter.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Storage.Reading;
using TestSupport;

namespace Alerter.Tests.Commands;

/// <summary><see cref="StatusReader"/>: a missing delivery table is "no outbox yet"; any other SQLite failure is an error naming the file.</summary>
public class StatusReaderTests
{
    private sealed class ThrowingOutbox(SqliteException error) : IOutboxStatus
    {
        public OutboxSnapshot Read() => throw error;
    }

    private static StatusReader Reader(TempDirectory dir, SqliteException outboxError)
    {
        var database = new AlerterDatabase(dir.Combine("alerter.db"), [new EventSchema(), new CheckpointSchema(), new JournalCheckpointSchema(), new SourceProblemSchema()]);
        database.EnsureSchemas();
        var services = new ServiceCollection().AddSingleton<IOutboxStatus>(new ThrowingOutbox(outboxError)).BuildServiceProvider();
        return new StatusReader(database, Options.Create(new LogScanOptions()), Options.Create(new JournalOptions()),
            new LogSourceChoice(false, null, "test"), services, new FakeTimeProvider());
    }

    [Fact]
    public void Read_OutboxTableMissing_ReportWithoutOutbox()
    {
        using var dir = new TempDirectory("status");

        var report = Reader(dir, new SqliteException("SQLite Error 1: 'no such table: alert_outbox'.", 1)).Read();

        report.Outbox.ShouldBeNull();
    }

    [Fact]
    public void Read_OutboxUnreadable_ErrorNamingTheDatabase()
    {
        using var dir = new TempDirectory("status");

        var error = Should.Throw<StoreUnreadableException>(() => Reader(dir, new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11)).Read());

        error.Message.ShouldBe($"The Alerter's database {dir.Combine("alerter.db")} cannot be read (SQLite Error 11: 'database disk image is malformed'.).");
    }

    private static StatusReader ChoosingTheJournal(AlerterDatabase database, JournalUse use)
    {
        var services = new ServiceCollection().BuildServiceProvider();
        return new StatusReader(database, Options.Create(new LogScanOptions()), Options.Create(new JournalOptions { Use = use }),
            new LogSourceChoice(true, null, "no file source configured and no /var/log/haproxy.log"), services, new FakeTimeProvider());
    }

    private static AlerterDatabase DatabaseWithAFileRead(TempDirectory dir)
    {
        var database = new AlerterDatabase(dir.Combine("alerter.db"), [new EventSchema(), new CheckpointSchema(), new JournalCheckpointSchema(), new SourceProblemSchema()]);
        database.EnsureSchemas();
        using var connection = database.OpenEnsured();
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow;
        CheckpointStore.Save(connection, transaction, new LogCheckpoint("/srv/proxy/haproxy.log", new FileIdentity(1, 2), 4096, 0, "", ""), "demo", 4096,
            now.AddSeconds(-2), new FileScanDelta(4096, 0, 0, 0, 0, 0, 0, null), null);
        transaction.Commit();
        return database;
    }

    [Fact]
    public void Read_AutoChoosesTheJournalButTheWorkerReadsFiles_NoStaleJournalInTheReport()
    {
        // Regression: `alerter status --Store:DataDirectory=...` (as run.sh prints it) has no sources of its own, so its
        // Auto choice was the journal, reported STALE ("last read never") with exit code 1 beside the file the worker read.
        using var dir = new TempDirectory("status");

        var report = ChoosingTheJournal(DatabaseWithAFileRead(dir), JournalUse.Auto).Read();

        report.JournalSources.ShouldBeEmpty();
        report.Files.ShouldHaveSingleItem().Path.ShouldBe("/srv/proxy/haproxy.log");
    }

    [Fact]
    public void Read_JournalAlwaysBesideFiles_JournalListedEvenBeforeItsFirstRead()
    {
        using var dir = new TempDirectory("status");

        var report = ChoosingTheJournal(DatabaseWithAFileRead(dir), JournalUse.Always).Read();

        report.JournalSources.ShouldHaveSingleItem().Source.ShouldBe(new JournalOptions().SourceName);
    }
}
