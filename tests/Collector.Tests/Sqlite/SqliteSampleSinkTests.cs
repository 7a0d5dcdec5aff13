using Microsoft.Extensions.Time.Testing;
using Collector.Configuration;
using Storage.Samples;
using Storage.Sqlite;
using Collector.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TestSupport;

namespace Collector.Tests.Sqlite;

public class SqliteSampleSinkTests : IDisposable
{
    private readonly TempDirectory _dir = new("sq");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private SqliteSampleSink NewSink(TimeSpan? raw = null) => new(
        Options.Create(new SqliteStoreOptions { DataDirectory = _dir.Path, RawRetention = raw ?? TimeSpan.FromHours(24) }),
        _time,
        NullLogger<SqliteSampleSink>.Instance);

    private static Sample Server(string server, DateTimeOffset at, double rate, string status = "UP") => new(
        "haproxy_server",
        [new("host", "lb1"), new("proxy", "be"), new("server", server)],
        [new("session_rate", FieldValue.Of(rate)), new("sessions_current", FieldValue.Of(3L)), new("status", FieldValue.Of(status))],
        at);

    private SqliteConnection Reader()
    {
        var connection = new SqliteConnection(SqliteStore.ConnectionString(Path.Combine(_dir.Path, "collector.db"), readOnly: true));
        connection.Open();
        return connection;
    }

    private static List<(long Ts, double? Rate, string? Status)> Query(SqliteConnection connection, string server)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ts, json_extract(fields, '$.session_rate'), json_extract(fields, '$.status') FROM sample_view
            WHERE measurement = 'haproxy_server' AND host = 'lb1' AND proxy = 'be' AND server = $s ORDER BY ts
            """;
        command.Parameters.AddWithValue("$s", server);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, double?, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDouble(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return rows;
    }

    [Fact]
    public async Task WriteAsync_SecondConnectionReadsWhileWriterIsOpen_SeesEveryCycle()
    {
        using var sink = NewSink();
        var t = _time.GetUtcNow();
        await sink.WriteAsync([Server("s1", t, 1.5), Server("s2", t, 7)], default);
        using var reader = Reader();
        using (var walCheck = reader.CreateCommand())
        {
            walCheck.CommandText = "PRAGMA journal_mode";
            walCheck.ExecuteScalar().ShouldBe("wal");
        }
        var before = Query(reader, "s1");
        await sink.WriteAsync([Server("s1", t.AddSeconds(10), 2.5, "DOWN")], default);
        var after = Query(reader, "s1");

        before.ShouldBe([(t.ToUnixTimeMilliseconds(), 1.5, "UP")]);
        after.ShouldBe([(t.ToUnixTimeMilliseconds(), 1.5, "UP"), (t.AddSeconds(10).ToUnixTimeMilliseconds(), 2.5, "DOWN")]);
        sink.GetStatus().PointsWritten.ShouldBe(3);
        sink.GetMetrics().Single(m => m.Key == "database_bytes").Value.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task WriteAsync_MinutePasses_RollupHasAvgAndMax()
    {
        using var sink = NewSink();
        var minute = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        await sink.WriteAsync([Server("s1", minute, 1)], default);
        await sink.WriteAsync([Server("s1", minute.AddSeconds(30), 3)], default);
        await sink.WriteAsync([Server("s1", minute.AddSeconds(60), 10)], default);
        await sink.WriteAsync([Server("s1", minute.AddSeconds(70), 10)], default); // writes the roll-up completed by the previous cycle

        using var reader = Reader();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT ts, samples, json_extract(avg, '$.session_rate'), json_extract(max, '$.session_rate'), json_extract(avg, '$.status') FROM rollup_1m_view WHERE server = 's1'";
        using var rows = command.ExecuteReader();
        rows.Read().ShouldBeTrue();
        rows.GetInt64(0).ShouldBe(minute.ToUnixTimeMilliseconds());
        rows.GetInt64(1).ShouldBe(2);
        rows.GetDouble(2).ShouldBe(2.0);
        rows.GetDouble(3).ShouldBe(3.0);
        rows.IsDBNull(4).ShouldBeTrue();
        rows.Read().ShouldBeFalse();
    }

    [Fact]
    public async Task Maintain_OlderThanRetention_Pruned()
    {
        using var sink = NewSink(raw: TimeSpan.FromHours(1));
        var now = _time.GetUtcNow();
        await sink.WriteAsync([Server("s1", now.AddHours(-2), 1), Server("s1", now.AddMinutes(-30), 2)], default);

        var deleted = sink.Maintain();

        deleted.ShouldBe(1);
        using var reader = Reader();
        Query(reader, "s1").Select(r => r.Rate).ShouldBe([2.0]);
    }

    [Fact]
    public async Task WriteAsync_DirectoryUnusable_ErrorInStatusNoThrow()
    {
        var blocker = Path.Combine(_dir.Path, "file");
        await File.WriteAllTextAsync(blocker, "");
        using var sink = new SqliteSampleSink(
            Options.Create(new SqliteStoreOptions { DataDirectory = Path.Combine(blocker, "sub") }), _time, NullLogger<SqliteSampleSink>.Instance);

        await sink.WriteAsync([Server("s1", _time.GetUtcNow(), 1)], default);

        var status = sink.GetStatus();
        status.LastError.ShouldNotBeNull().ShouldContain("cannot open");
        status.DroppedPoints.ShouldBe(1);
    }

    [Fact]
    public async Task WriteAsync_NonFiniteAndQuotedValues_ViewGivesFieldsAsBefore()
    {
        using var sink = NewSink();
        var t = _time.GetUtcNow();
        await sink.WriteAsync([new Sample("haproxy_server", [new("host", "lb1"), new("proxy", "be"), new("server", "s1")],
            [new("session_rate", FieldValue.Of(double.NaN)), new("sessions_current", FieldValue.Of(3L)), new("status", FieldValue.Of("UP \"1/3\""))], t)], default);

        using var reader = Reader();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT fields FROM sample_view WHERE server = 's1'";
        command.ExecuteScalar().ShouldBe("{\"sessions_current\":3,\"status\":\"UP \\\"1/3\\\"\"}");
    }

    [Fact]
    public void Open_FirstLayoutFile_RefusedWithWhatToDo()
    {
        var path = Path.Combine(_dir.Path, "collector.db");
        using (var old = new SqliteConnection(SqliteStore.ConnectionString(path, readOnly: false)))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = "CREATE TABLE sample (series_id INTEGER, ts INTEGER, fields TEXT)";
            create.ExecuteNonQuery();
        }

        Should.Throw<InvalidOperationException>(() => new SqliteStore(path)).Message.ShouldContain("Move or delete the file");
    }

    public void Dispose() => _dir.Dispose();
}
