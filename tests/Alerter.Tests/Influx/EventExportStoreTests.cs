using Storage.Events;
using Alerter.Influx;
using Alerter.Logs;
using Alerter.Store;
using HAProxy.Logs;
using TestSupport;

namespace Alerter.Tests.Influx;

public class EventExportStoreTests
{
    private static EventRow Row(string key, string server) => new(
        key, "lb1", new LogEvent { Kind = LogEventKind.ServerDown, Proxy = "app", Server = server, Message = $"Server app/{server} is DOWN" },
        DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_000), "line", "test.log");

    [Fact]
    public void ReadAfter_UndispatchedRowInTheMiddle_StopsBeforeItSoTheCursorNeverPassesIt()
    {
        using var dir = new TempDirectory("exp");
        var database = new AlerterDatabase(dir.Combine("alerter.db"), [new EventSchema(), new EventExportSchema()]);
        using var connection = database.OpenEnsured();
        using (var transaction = connection.BeginTransaction())
        {
            new Storage.Sqlite.SqliteEventStore(connection, transaction).Append([Row("k1", "web1"), Row("k2", "web2")], markDispatched: true);
            new Storage.Sqlite.SqliteEventStore(connection, transaction).Append([Row("k3", "web3")], markDispatched: false);
            new Storage.Sqlite.SqliteEventStore(connection, transaction).Append([Row("k4", "web4")], markDispatched: true);
            transaction.Commit();
        }

        var first = EventExportStore.ReadAfter(connection, EventExportStore.ReadCursor(connection), 100);
        first.Select(e => e.Server).ShouldBe(["web1", "web2"]);
        EventExportStore.WriteCursor(connection, first[^1].Id);
        EventExportStore.ReadAfter(connection, EventExportStore.ReadCursor(connection), 100).ShouldBeEmpty("web3 waits for the dispatcher");
        EventExportStore.CountAfter(connection, EventExportStore.ReadCursor(connection)).ShouldBe(2);

        var store = new Storage.Sqlite.SqliteEventStore(connection);
        store.MarkDispatched([(store.ReadPending(10).ShouldHaveSingleItem().Id, "warning")]);
        var rest = EventExportStore.ReadAfter(connection, EventExportStore.ReadCursor(connection), 100);
        rest.Select(e => (e.Server, e.Severity)).ShouldBe([("web3", "warning"), ("web4", null)]);
    }
}
