using HAProxy.Logs;
using Microsoft.Data.Sqlite;
using Storage.Events;
using Storage.Sqlite;
using TestSupport;

namespace Storage.Tests.Sqlite;

/// <summary><see cref="SqliteEventStore"/>: the event store API the Alerter writes and reads <c>haproxy_event</c> through.</summary>
public sealed class SqliteEventStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
    private readonly TempDirectory _dir = new("events");
    private readonly SqliteConnection _connection;

    public SqliteEventStoreTests()
    {
        _connection = new SqliteConnection($"Data Source={_dir.Combine("alerter.db")};Pooling=False");
        _connection.Open();
        EventTable.Ensure(_connection);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _dir.Dispose();
    }

    private static EventRow Row(string key, string server, LogEventKind kind, int second, string? reason = null) => new(
        key, "lb1", new LogEvent
        {
            Kind = kind, Proxy = "be_web", Server = server, Timestamp = Start.AddSeconds(second), Reason = reason, CheckCode = 503, ActiveLeft = 1, Pid = 42,
            Message = $"Server be_web/{server} is {kind}",
        }, Start.AddSeconds(second + 1), $"line {key}", "/var/log/haproxy.log");

    private int Append(IReadOnlyList<EventRow> rows, bool markDispatched = false)
    {
        using var transaction = _connection.BeginTransaction();
        var added = new SqliteEventStore(_connection, transaction).Append(rows, markDispatched);
        transaction.Commit();
        return added;
    }

    [Fact]
    public void Append_SameKeyTwice_StoredOnceWithEveryColumnReadBack()
    {
        Append([Row("k1", "web1", LogEventKind.ServerDown, 0, "Layer7 wrong status")]).ShouldBe(1);
        Append([Row("k1", "web1", LogEventKind.ServerDown, 0), Row("k2", "web2", LogEventKind.ServerUp, 1)]).ShouldBe(1);

        var pending = new SqliteEventStore(_connection).ReadPending(10);
        pending.Select(e => e.IdempotencyKey).ShouldBe(["k1", "k2"]);
        var first = pending[0];
        (first.Host, first.Proxy, first.Server, first.Kind, first.Severity, first.Dispatched).ShouldBe(("lb1", "be_web", "web1", "ServerDown", null, false));
        (first.Time, first.Observed).ShouldBe((Start, Start.AddSeconds(1)));
        (first.Reason, first.CheckCode, first.ActiveLeft, first.Pid, first.Line, first.Source).ShouldBe(("Layer7 wrong status", 503, 1, 42, "line k1", "/var/log/haproxy.log"));
        first.Message.ShouldBe("Server be_web/web1 is ServerDown");
    }

    [Fact]
    public void MarkDispatched_ThenReadDispatchedAfter_StopsBeforeTheFirstRowNotHandled()
    {
        Append([Row("k1", "web1", LogEventKind.ServerDown, 0), Row("k2", "web2", LogEventKind.ServerDown, 1), Row("k3", "web3", LogEventKind.ServerDown, 2)]);
        var store = new SqliteEventStore(_connection);
        var ids = store.ReadPending(10).Select(e => e.Id).ToList();
        store.MarkDispatched([(ids[0], "critical"), (ids[2], "warning")]);

        store.ReadPending(10).Select(e => e.Id).ShouldBe([ids[1]]);
        store.ReadDispatchedAfter(0, 10).Select(e => (e.Id, e.Severity)).ShouldBe([(ids[0], "critical")], "k2 is not handled yet: the cursor must not pass it");
        store.ReadDispatchedAfter(ids[1], 10).Select(e => (e.Id, e.Severity)).ShouldBe([(ids[2], "warning")]);
        store.CountAfter(ids[0]).ShouldBe(2);
    }

    [Fact]
    public void ReadByIdsAndRecent_OneServersRows_InIdOrderAndOldestFirst()
    {
        Append([Row("k1", "web1", LogEventKind.ServerDown, 0), Row("k2", "web2", LogEventKind.ServerDown, 1), Row("k3", "web1", LogEventKind.ServerUp, 2),
            Row("k4", "web1", LogEventKind.ServerDown, 3)], markDispatched: true);
        var store = new SqliteEventStore(_connection);
        var all = store.ReadDispatchedAfter(0, 10);

        store.ReadByIds([all[3].Id, all[0].Id, 999]).Select(e => e.IdempotencyKey).ShouldBe(["k1", "k4"]);
        store.ReadByIds([]).ShouldBeEmpty();
        store.ReadRecent("lb1", "be_web", "web1", Start.AddSeconds(2), 2).Select(e => e.IdempotencyKey).ShouldBe(["k1", "k3"]);
        store.ReadRecent("lb1", "be_web", "web1", Start.AddSeconds(3), 2).Select(e => e.IdempotencyKey).ShouldBe(["k3", "k4"]);
    }
}
