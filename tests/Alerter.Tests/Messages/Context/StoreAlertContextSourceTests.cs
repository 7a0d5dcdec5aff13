using Alerter.Messages.Context;
using Microsoft.Extensions.Time.Testing;
using HAProxy.Logs;
using Microsoft.Data.Sqlite;
using Storage.Events;
using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;
using TestSupport;

namespace Alerter.Tests.Messages.Context;

/// <summary>The email's traffic context read through the Storage reader from a store filled by the real writer.</summary>
public sealed class StoreAlertContextSourceTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000 - 1_800_000_000_000 % 60_000);
    private readonly TempDirectory _dir = new("ctx");

    public void Dispose() => _dir.Dispose();

    private static Sample Row(string measurement, string? server, DateTimeOffset at, long sessions, double rate, string status)
    {
        var tags = new List<KeyValuePair<string, string>> { new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, "be_web") };
        if (server is not null)
        {
            tags.Add(new(Measurements.ServerTag, server));
        }
        return new Sample(measurement, tags,
        [
            new(ContextFields.SessionsCurrent, FieldValue.Of(sessions)), new(ContextFields.SessionRate, FieldValue.Of(rate)),
            new(ContextFields.Http5xxRate, FieldValue.Of(rate / 10)), new(ContextFields.ResponseTimeMs, FieldValue.Of(sessions * 2)),
            new(ProxyFields.Status, FieldValue.Of(status)),
        ], at);
    }

    [Fact]
    public async Task GetAsync_StoreWrittenByTheCollectorsWriter_NumbersAtTheAlertAreTheStoredSample()
    {
        var db = _dir.Combine("collector.db");
        using (var writer = new SqliteSampleWriter(db))
        {
            for (var i = 0; i < 180; i++) // 30 minutes at 10 s; web2 goes DOWN at sample 170
            {
                var at = Start.AddSeconds(10 * i);
                writer.Write(
                [
                    Row(Measurements.Server, "web1", at, 10 + i, 1.5 * i, "UP"),
                    Row(Measurements.Server, "web2", at, 100 + i, 3.25, i >= 170 ? "DOWN" : "UP"),
                    Row(Measurements.Backend, null, at, 110 + 2 * i, 4.75 + 1.5 * i, "UP"),
                ]);
            }
        }
        var alertAt = Start.AddSeconds(1700);
        var source = new StoreAlertContextSource(new SqliteStorageReader(db, time: new FakeTimeProvider(Start.AddSeconds(1795))));

        var context = (await source.GetAsync(new AlertContextRequest("lb1", "be_web", "web2", alertAt, AlertContextRequest.DefaultWindow), CancellationToken.None))
            .ShouldNotBeNull();

        context.Server.ShouldNotBeNull().ValueAtAlert(ContextFields.SessionsCurrent).ShouldBe(270, "web2's sample at the transition");
        context.Server.ValueAtAlert(ContextFields.ResponseTimeMs).ShouldBe(540);
        context.Backend.ValueAtAlert(ContextFields.SessionRate).ShouldBe(4.75 + 1.5 * 170);
        context.Server.Field(ContextFields.SessionRate).ShouldNotBeNull().Values.Count(v => v is not null).ShouldBeGreaterThan(100, "30 minutes of history");
        context.BackendServers.Select(s => (s.Server, s.Status, s.At, s.FromLog)).ShouldBe(
            [("web1", "UP", Start.AddSeconds(1790), false), ("web2", "DOWN", Start.AddSeconds(1790), false)]);
        context.ServersAsOf.ShouldBe(Start.AddSeconds(1790));
    }

    [Fact]
    public async Task GetAsync_ServerLoggedDownAfterItsLastSample_NowTableShowsItDownFromTheLogAndWhenTheOthersWereSampled()
    {
        // Issue 17 item 5: the Collector's last sample of web2 (UP) was taken before it failed; the log says DOWN.
        var db = _dir.Combine("collector.db");
        using (var writer = new SqliteSampleWriter(db))
        {
            for (var i = 0; i < 10; i++)
            {
                var at = Start.AddSeconds(10 * i);
                writer.Write([Row(Measurements.Server, "web1", at, 10, 1, "UP"), Row(Measurements.Server, "web2", at, 10, 1, "UP"),
                    Row(Measurements.Backend, null, at, 20, 2, "UP")]);
            }
        }
        var events = _dir.Combine("alerter.db");
        var downAt = Start.AddSeconds(95);
        WriteEvent(events, LogEventKind.ServerDown, "web2", Start.AddSeconds(40), "Server be_web/web2 is DOWN, reason: Layer4 connection problem");
        WriteEvent(events, LogEventKind.ServerUp, "web2", Start.AddSeconds(60), "Server be_web/web2 is UP, reason: Layer7 check passed");
        WriteEvent(events, LogEventKind.ServerDown, "web2", downAt, "Server be_web/web2 is DOWN, reason: Layer4 connection problem");
        var source = new StoreAlertContextSource(new SqliteStorageReader(db, events, new FakeTimeProvider(Start.AddSeconds(97))));

        var context = (await source.GetAsync(new AlertContextRequest("lb1", "be_web", "web2", downAt, AlertContextRequest.DefaultWindow), CancellationToken.None))
            .ShouldNotBeNull();

        context.BackendServers.ShouldBe([
            new BackendServerState("web1", "UP", Start.AddSeconds(90)),
            new BackendServerState("web2", "DOWN", downAt, FromLog: true),
        ]);
    }

    private static void WriteEvent(string path, LogEventKind kind, string server, DateTimeOffset at, string message)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        EventTable.Ensure(connection);
        using var transaction = connection.BeginTransaction();
        var e = new LogEvent { Kind = kind, Proxy = "be_web", Server = server, Message = message, Timestamp = at };
        new Storage.Sqlite.SqliteEventStore(connection, transaction).Append([new EventRow($"lb1|be_web/{server}|{kind}|{at.ToUnixTimeMilliseconds()}", "lb1", e, at, message, "test")]);
        transaction.Commit();
    }

    [Fact]
    public async Task GetAsync_NoStoreYet_NullSoTheEmailSaysContextIsUnavailable()
    {
        var source = new StoreAlertContextSource(new SqliteStorageReader(_dir.Combine("missing.db")));

        var context = await source.GetAsync(new AlertContextRequest("lb1", "be_web", "web2", Start, AlertContextRequest.DefaultWindow), CancellationToken.None);

        context.ShouldBeNull();
    }
}
