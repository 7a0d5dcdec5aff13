using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Storage.Health;
using Storage.Reading;
using Storage.Sqlite;
using TestSupport;

namespace Storage.Tests.Sqlite;

/// <summary>The health the Alerter publishes (<see cref="SqliteAlerterHealth"/>) as <see cref="SqliteStorageReader"/> reads it.</summary>
public sealed class SqliteAlerterHealthTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("ahealth");

    private string AlerterDb => _dir.Combine("alerter.db");

    public void Dispose() => _dir.Dispose();

    private void Write(Action<SqliteAlerterHealth> write)
    {
        using var connection = new SqliteConnection($"Data Source={AlerterDb};Pooling=False");
        connection.Open();
        AlerterHealthTable.Ensure(connection);
        write(new SqliteAlerterHealth(connection));
    }

    private Task<SuiteHealth> Health() => new SqliteStorageReader(_dir.Combine("collector.db"), AlerterDb, new FakeTimeProvider(Now)).GetHealthAsync(CancellationToken.None);

    [Fact]
    public async Task Health_ScansProblemsAndOutbox_ReadAsPublished()
    {
        Write(h =>
        {
            h.RecordScan("/var/log/haproxy.log", "lb1", Now.AddSeconds(-5), 4096);
            h.RecordScan("journal:system", "lb1", Now.AddSeconds(-2), 17);
            h.RecordScan("journal:system", "lb1", Now.AddSeconds(-1), position: null); // following, nothing new
            h.TouchScan("/var/log/haproxy.log", Now.AddSeconds(-3));
            h.TouchScan("/never/scanned.log", Now); // a touch records nothing new
            h.RecordProblem("/var/log/other.log", "lb1", "cannot read <b>x</b>");
            h.RecordProblem("/var/log/haproxy.log", "lb1", "permission denied");
            h.RecordOutbox(new OutboxHealth(3, Now.AddMinutes(-1), "SMTP 451"));
        });

        var health = await Health();

        health.LogScans.ShouldBe(
        [
            new LogScanHealth("/var/log/haproxy.log", Now.AddSeconds(-3), 4096, "permission denied"),
            new LogScanHealth("/var/log/other.log", null, 0, "cannot read <b>x</b>"),
            new LogScanHealth("journal:system", Now.AddSeconds(-1), 17),
        ]);
        (health.OutboxDepth, health.OutboxOldestDue, health.LastDeliveryError).ShouldBe((3L, Now.AddMinutes(-1), "SMTP 451"));
    }

    [Fact]
    public async Task ClearProblem_SourceKnownOnlyByItsProblemGoes_AScannedOneStays()
    {
        Write(h =>
        {
            h.RecordScan("/a.log", "lb1", Now, 10);
            h.RecordProblem("/a.log", "lb1", "gone");
            h.RecordProblem("/b.log", "lb1", "missing");
            h.ClearProblem("/a.log");
            h.ClearProblem("/b.log");
        });

        (await Health()).LogScans.ShouldBe([new LogScanHealth("/a.log", Now, 10)]);
    }

    [Fact]
    public async Task Health_StoreWithoutHealthTables_NoScansAndUnknownOutbox()
    {
        // An alerter.db an earlier release wrote, before its Alerter ran again: events only.
        using (var connection = new SqliteConnection($"Data Source={AlerterDb};Pooling=False"))
        {
            connection.Open();
            Storage.Events.EventTable.Ensure(connection);
        }

        var health = await Health();

        health.LogScans.ShouldBeEmpty();
        health.OutboxDepth.ShouldBeNull();
    }
}
