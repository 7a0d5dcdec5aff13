using HAProxy.Logs;
using Microsoft.Data.Sqlite;
using Storage.Events;
using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// Fills a collector.db and an alerter.db with the real writers (<see cref="SqliteSampleWriter"/>, <see cref="SqliteEventStore"/>):
/// host lb1 with frontend fe, backend be, servers be/srv1 (UP) and be/srv2 (DOWN), its process and system rows.
/// </summary>
public sealed class TestStore
{
    public const string Host = "lb1";

    public TestStore(string directory)
    {
        CollectorDatabase = Path.Combine(directory, "collector.db");
        AlerterDatabase = Path.Combine(directory, "alerter.db");
    }

    public string CollectorDatabase { get; }

    public string AlerterDatabase { get; }

    /// <summary>srv1's session rate at poll <c>i</c>: distinct per poll, so a test can tell which sample it got.</summary>
    public static double Srv1Rate(int i) => 10 + i % 7;

    /// <summary><paramref name="polls"/> polls every <paramref name="step"/>, the last at <paramref name="end"/>.</summary>
    public void WriteSamples(DateTimeOffset end, int polls, TimeSpan step, string srv1Status = "UP")
    {
        using var writer = new SqliteSampleWriter(CollectorDatabase);
        for (var i = 0; i < polls; i++)
        {
            var at = end - step * (polls - 1 - i);
            writer.Write(Poll(at, i, i == polls - 1 ? srv1Status : "UP"));
        }
    }

    public static List<Sample> Poll(DateTimeOffset at, int i, string srv1Status = "UP") =>
    [
        Proxy(Measurements.Frontend, at, "fe", null, "OPEN", 100 + i, 2000),
        Proxy(Measurements.Backend, at, "be", null, "UP", 20 + i, 200, (ProxyFields.ActiveServers, FieldValue.Of(1L)), (ProxyFields.BackupServers, FieldValue.Of(0L))),
        Proxy(Measurements.Server, at, "be", "srv1", srv1Status, Srv1Rate(i), 100, (ProxyFields.Weight, FieldValue.Of(1L)), (ProxyFields.CheckStatus, FieldValue.Of("L7OK"))),
        Proxy(Measurements.Server, at, "be", "srv2", "DOWN", 0, 100, (ProxyFields.Weight, FieldValue.Of(1L)), (ProxyFields.CheckStatus, FieldValue.Of("L4CON"))),
        new(Measurements.Process, [new(Measurements.HostTag, Host)],
            [new(ProcessFields.CurrentConnections, FieldValue.Of(5L)), new(ProcessFields.IdlePct, FieldValue.Of(97.5)), new(ProcessFields.Version, FieldValue.Of("2.6.12"))], at),
        new(Measurements.System, [new(Measurements.HostTag, Host)],
            [new(SystemFields.Load1, FieldValue.Of(0.5)), new(SystemFields.CpuPct, FieldValue.Of(12.0))], at),
    ];

    private static Sample Proxy(string measurement, DateTimeOffset at, string proxy, string? server, string status, double sessionRate, long limit,
        params (string Name, FieldValue Value)[] extra)
    {
        var tags = new List<KeyValuePair<string, string>> { new(Measurements.HostTag, Host), new(Measurements.ProxyTag, proxy) };
        if (server is not null)
        {
            tags.Add(new(Measurements.ServerTag, server));
        }
        var fields = new List<KeyValuePair<string, FieldValue>>
        {
            new(ProxyFields.Status, FieldValue.Of(status)),
            new(ProxyFields.Up, FieldValue.Of(status is "UP" or "OPEN" ? 1L : 0L)),
            new(ProxyFields.SessionRate, FieldValue.Of(sessionRate)),
            new(ProxyFields.RequestRate, FieldValue.Of(sessionRate)),
            new(ProxyFields.SessionsCurrent, FieldValue.Of(3L)),
            new(ProxyFields.SessionsLimit, FieldValue.Of(limit)),
            new(ProxyFields.SessionsPct, FieldValue.Of(300.0 / limit)),
            new(ProxyFields.BytesInRate, FieldValue.Of(sessionRate * 100)),
            new(ProxyFields.BytesOutRate, FieldValue.Of(sessionRate * 1000)),
            new(ProxyFields.Http5xxRate, FieldValue.Of(0.0)),
        };
        fields.AddRange(extra.Select(e => new KeyValuePair<string, FieldValue>(e.Name, e.Value)));
        return new Sample(measurement, tags, fields, at);
    }

    /// <summary><paramref name="count"/> DOWN transitions of be/srv1 with messages of <paramref name="length"/> characters, in one transaction (a flood for the stream's limits).</summary>
    public void WriteEvents(int count, int length, DateTimeOffset at)
    {
        using var connection = new SqliteConnection($"Data Source={AlerterDatabase};Pooling=False");
        connection.Open();
        EventTable.Ensure(connection);
        using var transaction = connection.BeginTransaction();
        var rows = Enumerable.Range(0, count).Select(i =>
        {
            var message = $"Server be/srv1 is DOWN #{Guid.NewGuid():N} ".PadRight(length, 'x');
            var e = new LogEvent { Kind = LogEventKind.ServerDown, Proxy = "be", Server = "srv1", Message = message, Timestamp = at };
            return new EventRow($"{Host}|be/srv1|flood|{Guid.NewGuid():N}", Host, e, at, message, "test");
        }).ToList();
        new Storage.Sqlite.SqliteEventStore(connection, transaction).Append(rows);
        transaction.Commit();
    }

    /// <summary>Stores a transition in alerter.db the way the Alerter does (EventTable + SqliteEventStore).</summary>
    public void WriteEvent(LogEventKind kind, string proxy, string? server, DateTimeOffset at, string message)
    {
        using var connection = new SqliteConnection($"Data Source={AlerterDatabase};Pooling=False");
        connection.Open();
        EventTable.Ensure(connection);
        using var transaction = connection.BeginTransaction();
        var e = new LogEvent { Kind = kind, Proxy = proxy, Server = server, Message = message, Timestamp = at };
        new Storage.Sqlite.SqliteEventStore(connection, transaction).Append([new EventRow($"{Host}|{proxy}/{server}|{kind}|{at.ToUnixTimeMilliseconds()}", Host, e, at, message, "test")]);
        transaction.Commit();
    }
}
