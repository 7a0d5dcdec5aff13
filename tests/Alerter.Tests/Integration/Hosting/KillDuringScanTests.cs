using System.Globalization;
using System.Text.Json;
using Alerter.Tests.Support;
using Microsoft.Data.Sqlite;
using TestSupport;
using Xunit.Abstractions;

namespace Alerter.Tests.Integration.Hosting;

/// <summary>
/// The real <c>alerter</c> process killed with SIGKILL in the middle of a scan of a large log, at several points,
/// and restarted: every transition ends up in <c>haproxy_event</c> exactly once.
/// </summary>
[Trait("Category", "Integration")]
public class KillDuringScanTests(ITestOutputHelper output)
{
    private const long ChunkBytes = 24L * 1024 * 1024;

    [Fact]
    public async Task Run_KilledMidScanFourTimesThenRestarted_EveryTransitionStoredExactlyOnce()
    {
        using var directory = new TempDirectory("akill");
        var log = directory.Combine("haproxy.log");
        var generated = new GeneratedLog(DateTime.UtcNow.Date.AddDays(-3).AddHours(10), seed: 4242);
        generated.Append(log, ChunkBytes);
        var config = WriteConfig(directory, log);
        var database = directory.Combine("data/alerter.db");

        var midScanKills = 0;
        // Kill points as fractions of what is left to read; lines are appended between later rounds so those kills
        // fall in data the previous process never saw.
        foreach (var (fraction, appendBefore) in new[] { (0.15, false), (0.5, false), (0.3, true), (0.6, true) })
        {
            if (appendBefore)
            {
                generated.Append(log, ChunkBytes / 2);
            }
            var size = new FileInfo(log).Length;
            var stored = ReadCheckpoint(database, log).Offset;
            var target = stored + (long)((size - stored) * fraction);
            using var alerter = AlerterProcess.Start(directory.Path, ["run", "--config", config, .. Sending.DeliverySettings.NoServerArguments()]);
            var seen = await WaitForOffsetAsync(database, log, target, alerter);
            alerter.Kill();
            var after = ReadCheckpoint(database, log).Offset;
            output.WriteLine($"from {stored}, kill at >= {target} of {size}: saw offset {seen}, stored after SIGKILL {after}");
            if (after < size)
            {
                midScanKills++;
            }
        }

        using (var alerter = AlerterProcess.Start(directory.Path, ["run", "--config", config, .. Sending.DeliverySettings.NoServerArguments()]))
        {
            await WaitForOffsetAsync(database, log, new FileInfo(log).Length, alerter);
            alerter.Kill();
        }

        midScanKills.ShouldBeGreaterThan(0, "at least one SIGKILL must land before the scan reached the end of the file");
        var lines = StoredLines(database);
        lines.Count.ShouldBe(generated.Transitions.Count);
        lines.Order(StringComparer.Ordinal).ShouldBe(generated.Transitions.Order(StringComparer.Ordinal));
        var checkpoint = ReadCheckpoint(database, log);
        checkpoint.Events.ShouldBe(generated.Transitions.Count, "events are counted in the checkpoint's own transaction: a lost batch is not counted");
        checkpoint.Inserted.ShouldBe(generated.Transitions.Count);
    }

    private static string WriteConfig(TempDirectory directory, string log)
    {
        var path = directory.Combine("settings.json");
        var settings = new
        {
            Store = new { DataDirectory = directory.Combine("data") },
            Alerter = new
            {
                Logs = new
                {
                    Interval = "00:00:00.2",
                    // Small batches: many commits per scan, so a kill falls between two of them.
                    BatchBytes = 8192,
                    ReadBufferBytes = 65536,
                    AssumedUtcOffset = "00:00:00",
                    Sources = new[] { new { Path = log, Host = "lb1", Start = "Beginning" } },
                },
            },
            Logging = new { LogLevel = new { Default = "Warning" } },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    private static async Task<long> WaitForOffsetAsync(string database, string log, long atLeast, DotnetProcess alerter)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var offset = ReadCheckpoint(database, log).Offset;
            if (offset >= atLeast)
            {
                return offset;
            }
            if (alerter.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"offset {offset} never reached {atLeast}; alerter output:\n{alerter.Output}");
            }
            await Task.Delay(5);
        }
    }

    private static (long Offset, long Events, long Inserted) ReadCheckpoint(string database, string log)
    {
        if (!File.Exists(database))
        {
            return (0, 0, 0);
        }
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=10");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT offset, events, events_inserted FROM log_checkpoint WHERE path = $p";
            command.Parameters.AddWithValue("$p", log);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : (0, 0, 0);
        }
        // The alerter is creating its schema: SQLite says "no such table" as an error (1), or, when the schema
        // changed while the statement was being prepared, as SQLITE_SCHEMA (17).
        catch (SqliteException ex) when (ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return (0, 0, 0);
        }
    }

    private static List<string> StoredLines(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT line FROM haproxy_event ORDER BY id";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }
}
