using Collector.Configuration;
using Collector.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Storage.Samples;
using Storage.Sqlite;
using TestSupport;

namespace Collector.Tests.Sqlite;

/// <summary>Issue 18 item 1 on real files: a store deleted, replaced or truncated under the sink between two cycles.</summary>
public class SqliteSampleSinkStoreChangeTests : IDisposable
{
    private readonly TempDirectory _dir = new("sc");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();

    private string DatabasePath => Path.Combine(_dir.Path, "collector.db");

    private SqliteSampleSink NewSink() => new(
        Options.Create(new SqliteStoreOptions { DataDirectory = _dir.Path }),
        _time,
        LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<SqliteSampleSink>());

    private static Sample Server(DateTimeOffset at, double rate) => new(
        "haproxy_server",
        [new("host", "lb1"), new("proxy", "be"), new("server", "s1")],
        [new("session_rate", FieldValue.Of(rate)), new("status", FieldValue.Of("UP"))],
        at);

    private List<(long Ts, double Rate)> Stored(string? path = null)
    {
        using var connection = new SqliteConnection(SqliteStore.ConnectionString(path ?? DatabasePath, readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ts, json_extract(fields, '$.session_rate') FROM sample_view WHERE server = 's1' ORDER BY ts";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, double)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }
        return rows;
    }

    private void DeleteStoreFiles()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    [Fact]
    public async Task WriteAsync_StoreDeletedBetweenCycles_StatusDegradedThenNewFileWithSchemaGetsTheCycle()
    {
        using var sink = NewSink();
        var t = _time.GetUtcNow();
        await sink.WriteAsync([Server(t, 1)], default);
        sink.GetStatus().Degraded.ShouldBeFalse();

        DeleteStoreFiles();
        var between = sink.GetStatus();
        await sink.WriteAsync([Server(t.AddSeconds(10), 2)], default);
        await sink.WriteAsync([Server(t.AddSeconds(20), 3)], default);

        between.Degraded.ShouldBeTrue();
        between.LastError.ShouldNotBeNull().ShouldContain($"{DatabasePath} was deleted");
        var after = sink.GetStatus();
        after.Degraded.ShouldBeFalse();
        after.LastError.ShouldBeNull();
        Stored().ShouldBe([(t.AddSeconds(10).ToUnixTimeMilliseconds(), 2.0), (t.AddSeconds(20).ToUnixTimeMilliseconds(), 3.0)]);
        sink.GetMetrics().Single(m => m.Key == "store_reopens_total").Value.ShouldBe(1);
        _logs.Lines.Where(l => l.StartsWith("Warning ", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldContain($"{DatabasePath} was deleted");
        StoreFileNames().ShouldNotContain(n => n.Contains("(deleted)"), "the Collector holds no deleted store file open");
    }

    [Fact]
    public async Task WriteAsync_FileMovedInOverTheStore_WritesIntoTheFileNowAtThePath()
    {
        using var sink = NewSink();
        var t = _time.GetUtcNow();
        await sink.WriteAsync([Server(t, 1)], default);
        var other = Path.Combine(_dir.Path, "other", "collector.db");
        using (var writer = new SqliteSampleWriter(other))
        {
            writer.Write([Server(t.AddSeconds(-60), 9)]);
        }

        File.Move(other, DatabasePath, overwrite: true);
        await sink.WriteAsync([Server(t.AddSeconds(10), 2)], default);

        Stored().ShouldBe([(t.AddSeconds(-60).ToUnixTimeMilliseconds(), 9.0), (t.AddSeconds(10).ToUnixTimeMilliseconds(), 2.0)], _logs.All);
        _logs.Lines.ShouldContain(l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("was replaced by another file"));
    }

    [Fact]
    public async Task WriteAsync_StoreTruncated_DamagedFileMovedAsideAndANewStoreGetsTheCycle()
    {
        using var sink = NewSink();
        var t = _time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await sink.WriteAsync([Server(t.AddSeconds(i), i)], default);
        }
        sink.Maintain(); // any checkpoint so far puts pages in the main file
        using (var checkpoint = new SqliteConnection(SqliteStore.ConnectionString(DatabasePath, readOnly: false)))
        {
            checkpoint.Open();
            using var command = checkpoint.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        await sink.WriteAsync([Server(t.AddSeconds(3), 3)], default); // the baseline now has the checkpointed size

        using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
        }
        await sink.WriteAsync([Server(t.AddSeconds(10), 10)], default);

        Stored().ShouldBe([(t.AddSeconds(10).ToUnixTimeMilliseconds(), 10.0)]);
        var aside = Directory.GetFiles(_dir.Path, "collector.db.truncated-*").Where(f => !f.EndsWith("-wal") && !f.EndsWith("-shm")).ShouldHaveSingleItem();
        aside.ShouldEndWith("collector.db.truncated-20261204T120000Z");
        _logs.Lines.ShouldContain(l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("was truncated from"));
        sink.GetStatus().Degraded.ShouldBeFalse();
    }

    /// <summary>What this process's open descriptors point at under the test's directory.</summary>
    private List<string> StoreFileNames() => Directory.GetFiles("/proc/self/fd")
        .Select(fd => { try { return new FileInfo(fd).LinkTarget ?? ""; } catch (IOException) { return ""; } })
        .Where(target => target.StartsWith(_dir.Path, StringComparison.Ordinal))
        .ToList();

    public void Dispose()
    {
        _logs.Dispose();
        _dir.Dispose();
    }
}
