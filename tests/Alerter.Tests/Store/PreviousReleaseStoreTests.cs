using Alerter.Sending.Outbox;
using Alerter.Journal;
using Alerter.Logs;
using Alerter.Sources;
using Alerter.Store;
using HAProxy.Logs;
using Microsoft.Extensions.Time.Testing;
using Storage.Events;
using Storage.Reading;
using Storage.Sqlite;
using TestSupport;

namespace Alerter.Tests.Store;

/// <summary>
/// An alerter.db the previous release wrote (its checkpoints, problems, outbox and events; no health tables, which it
/// did not have): this release creates the health tables, fills them from its own tables, and keeps every event.
/// </summary>
public class PreviousReleaseStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static IAlerterSchema[] Schemas() =>
        [new EventSchema(), new CheckpointSchema(), new JournalCheckpointSchema(), new SourceProblemSchema(), new OutboxSchema()];

    [Fact]
    public async Task Ensure_StoreWithoutHealthTables_HealthFilledFromItsOwnTablesAndEventsKept()
    {
        using var dir = new TempDirectory("oldstore");
        var path = dir.Combine("alerter.db");
        using (var connection = new AlerterDatabase(path, Schemas()).OpenEnsured())
        {
            using (var transaction = connection.BeginTransaction())
            {
                var rows = new[] { "web1", "web2" }.Select((server, i) => new EventRow($"k{i}", "lb1",
                    new LogEvent { Kind = LogEventKind.ServerDown, Proxy = "be_web", Server = server, Timestamp = Now.AddMinutes(-i - 1), Message = $"Server be_web/{server} is DOWN" },
                    Now, "line", "/var/log/haproxy.log")).ToList();
                new SqliteEventStore(connection, transaction).Append(rows).ShouldBe(2);
                CheckpointStore.Save(connection, transaction, new LogCheckpoint("/var/log/haproxy.log", new FileIdentity(1, 2), 4096, 0, "", ""), "lb1", 4096,
                    Now.AddSeconds(-5), new FileScanDelta(4096, 2, 2, 0, 0, 0, 0, Now), null);
                transaction.Commit();
            }
            JournalCheckpointStore.Touch(connection, "journal:system", "lb1", Now.AddSeconds(-2));
            SourceProblemStore.Set(connection, "/var/log/other.log", "lb1", "permission denied", Now);
            // What the previous release left: the same tables without Storage's health tables.
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP TABLE {AlerterHealthTable.Sources}; DROP TABLE {AlerterHealthTable.Outbox};";
            drop.ExecuteNonQuery();
        }
        var reader = new SqliteStorageReader(dir.Combine("collector.db"), path, new FakeTimeProvider(Now));
        (await reader.GetHealthAsync(CancellationToken.None)).LogScans.ShouldBeEmpty("the old store has no health tables yet");

        new AlerterDatabase(path, Schemas()).EnsureSchemas(); // the new release starts

        var health = await reader.GetHealthAsync(CancellationToken.None);
        health.LogScans.ShouldBe(
        [
            new LogScanHealth("/var/log/haproxy.log", Now.AddSeconds(-5), 4096),
            new LogScanHealth("/var/log/other.log", null, 0, "permission denied"),
            new LogScanHealth("journal:system", Now.AddSeconds(-2), 0),
        ]);
        health.OutboxDepth.ShouldBe(0);
        var events = await reader.GetEventsAsync(new EventQuery(Now.AddHours(-1), Now), CancellationToken.None);
        events.Events.Select(e => e.Server).ShouldBe(["web1", "web2"]);
        using var check = new AlerterDatabase(path, Schemas()).Open();
        new SqliteEventStore(check).ReadPending(10).Select(e => e.IdempotencyKey).ShouldBe(["k0", "k1"], "the events still wait for the dispatcher");
    }
}
