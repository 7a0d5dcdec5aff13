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
}
