using Collector.Configuration;
using Collector.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Storage.Samples;
using Storage.Sqlite;
using TestSupport;

namespace Collector.Tests.Sqlite;

/// <summary>
/// Issue 18 item 11 on a real full file system (a 1 MiB tmpfs filled to the last byte, not a fault-injection seam:
/// SQLite's own ENOSPC path is what lost the minute). Before the fix the sink dropped its writer after the failed
/// cycle and with it the open minute's roll-up: 9 samples in the roll-up where 15 survived in the raw table.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqliteSampleSinkDiskFullTests : IDisposable
{
    private static readonly DateTimeOffset Minute = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly TmpfsMount _disk = new(1024);

    public void Dispose() => _disk.Dispose();

    private static Sample Server(string server, DateTimeOffset at, double rate) => new(
        "haproxy_server",
        [new("host", "lb1"), new("proxy", "be"), new("server", server)],
        [new("session_rate", FieldValue.Of(rate)), new("status", FieldValue.Of("UP"))],
        at);

    private static List<Sample> Cycle(DateTimeOffset at, int i) => [Server("s1", at, i), Server("s2", at, 2 * i)];

    [Fact]
    public async Task WriteAsync_DiskFullForSomeCyclesOfAMinute_RollupCountsExactlyTheRawRowsKept()
    {
        var time = new FakeTimeProvider(Minute);
        using (var sink = new SqliteSampleSink(Options.Create(new SqliteStoreOptions { DataDirectory = _disk.Path }), time, NullLogger<SqliteSampleSink>.Instance))
        {
            var at = 0;
            for (; at < 5; at++)
            {
                await sink.WriteAsync(Cycle(Minute.AddSeconds(4 * at), at), default);
            }
            _disk.Fill();
            for (; at < 9; at++)
            {
                await sink.WriteAsync(Cycle(Minute.AddSeconds(4 * at), at), default);
            }
            sink.GetStatus().DroppedPoints.ShouldBeGreaterThan(0, "the disk was full for some cycles");
            _disk.Free();
            for (; at < 15; at++)
            {
                await sink.WriteAsync(Cycle(Minute.AddSeconds(4 * at), at), default);
            }
            await sink.WriteAsync(Cycle(Minute.AddSeconds(60), 15), default);
            await sink.WriteAsync(Cycle(Minute.AddSeconds(64), 16), default); // writes the roll-up the previous cycle completed
        }

        using var connection = new SqliteConnection(SqliteStore.ConnectionString(Path.Combine(_disk.Path, "collector.db"), readOnly: true));
        connection.Open();
        foreach (var server in new[] { "s1", "s2" })
        {
            var (raw, sum) = Raw(connection, server);
            var (samples, avg) = Rollup(connection, server);
            raw.ShouldBeInRange(11, 14, "the cycles before and after the full disk are kept");
            samples.ShouldBe(raw, $"{server}: the roll-up counts the raw rows kept in its minute");
            avg.ShouldBe(sum / raw, 1e-5); // stored to 6 decimals
        }
    }

    private static (long Count, double Sum) Raw(SqliteConnection connection, string server)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), sum(json_extract(fields, '$.session_rate')) FROM sample_view WHERE server = $s AND ts >= $from AND ts < $to";
        command.Parameters.AddWithValue("$s", server);
        command.Parameters.AddWithValue("$from", Minute.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", Minute.AddMinutes(1).ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetDouble(1));
    }

    private static (long Samples, double Avg) Rollup(SqliteConnection connection, string server)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT samples, json_extract(avg, '$.session_rate') FROM rollup_1m_view WHERE server = $s AND ts = $m";
        command.Parameters.AddWithValue("$s", server);
        command.Parameters.AddWithValue("$m", Minute.ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue($"{server} has a roll-up for its minute");
        return (reader.GetInt64(0), reader.GetDouble(1));
    }
}
