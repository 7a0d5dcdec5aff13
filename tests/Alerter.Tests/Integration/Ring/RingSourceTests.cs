using Alerter.Commands;
using Alerter.Hosting;
using Alerter.Logs;
using Alerter.Store;
using Alerter.Tests.Support;
using HAProxy.Logs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TestSupport;

namespace Alerter.Tests.Integration.Ring;

/// <summary>
/// A real HAProxy logging to a file (RFC 3164, via a syslog socket) and to a ring (RFC 5424), and the alerter worker
/// with a 60 s file interval and the ring source on: transitions arrive through the ring long before the next file
/// scan, a file scan then adds nothing, and a reload (new socket, new process, new ring) is followed.
/// </summary>
[Trait("Category", "Integration")]
public class RingSourceTests
{
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Worker_BackendStoppedWithLongFileInterval_RingStoresEachTransitionOnceFileAddsNothing()
    {
        await using var lab = await HAProxyLogLab.StartAsync(ring: true);
        var builder = AlerterHostFactory.CreateBuilder(
        [
            $"--Store:DataDirectory={lab.Directory.Combine("data")}",
            "--Alerter:Logs:Interval=00:01:00",
            $"--Alerter:Logs:Sources:0:Path={lab.LogPath}",
            "--Alerter:Logs:Sources:0:Host=lb1",
            $"--Alerter:Ring:SocketPath={lab.AdminSocket}",
            "--Alerter:Ring:SocketCheckInterval=00:00:00.2",
            .. Sending.DeliverySettings.NoServerArguments(),
        ], null, LogLevel.Warning);
        builder.Services.AddAlerterWorker(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var database = host.Services.GetRequiredService<AlerterDatabase>();
            var scanner = host.Services.GetRequiredService<LogFileScanner>();
            var target = new LogFileTarget(lab.LogPath, "lb1", StartPosition.End);
            await Poll.UntilAsync(() => Scalar(database, "SELECT COUNT(*) FROM log_checkpoint") == 1, RingTimeout, "the first file scan (from the end)");

            lab.Web1.Stop();
            await Poll.UntilAsync(() => Rows(database).Any(r => r.Kind == "ServerDown"), RingTimeout, "web1 DOWN through the ring");
            await lab.WaitForLinesAsync("Server app/web1 is DOWN", 1, TimeSpan.FromSeconds(10));
            var fileScan = await scanner.ScanAsync(target);
            fileScan.Events.ShouldBe(1, "the file holds the same DOWN line");
            fileScan.Inserted.ShouldBe(0, "the ring stored it first, under the same key");

            lab.Web1.Start();
            await Poll.UntilAsync(() => Rows(database).Any(r => r.Kind == "ServerUp"), RingTimeout, "web1 UP through the ring");
            await lab.WaitForLinesAsync("Server app/web1 is UP", 1, TimeSpan.FromSeconds(10));

            // A reload replaces the socket and the process; the reader must follow the new process's ring.
            await lab.HAProxy.ReloadAsync();
            lab.Web2.Stop();
            await Poll.UntilAsync(() => Rows(database).Any(r => r.Kind == "ServerDown" && r.Server == "web2"), RingTimeout, "web2 DOWN through the ring");
            await lab.WaitForLinesAsync("Server app/web2 is DOWN", 1, TimeSpan.FromSeconds(10));
            await scanner.ScanAsync(target);

            var rows = Rows(database);
            rows.Where(r => r.Kind is "ServerDown" or "ServerUp").Select(r => (r.Kind, r.Server)).ShouldBe(
                [("ServerDown", "web1"), ("ServerUp", "web1"), ("ServerDown", "web2")]);
            FileServerTransitions(lab.LogPath).ShouldBe([("ServerDown", "web1"), ("ServerUp", "web1"), ("ServerDown", "web2")]);
            rows.Where(r => r.Kind is "ServerDown" or "ServerUp").ShouldAllBe(r => r.Source.StartsWith("ring@events:", StringComparison.Ordinal));
            rows.Count.ShouldBe(FileEvents(lab.LogPath), "one row per event line of the file (the reload's `Proxy stopped` lines included), whichever source stored it");
            rows.Select(r => r.Key).Distinct().Count().ShouldBe(rows.Count);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static List<(string Kind, string? Server)> FileServerTransitions(string path)
    {
        var context = new LogParseContext(DateTimeOffset.UtcNow, TimeSpan.Zero);
        var transitions = new List<(string, string?)>();
        foreach (var line in HAProxyLogLab.ReadShared(path).Split('\n'))
        {
            if (LogLineParser.TryParse(line, context, out var e) == LogLineOutcome.Event && e!.Kind is LogEventKind.ServerDown or LogEventKind.ServerUp)
            {
                transitions.Add((e.Kind.ToString(), e.Server));
            }
        }
        return transitions;
    }

    private static int FileEvents(string path)
    {
        var context = new LogParseContext(DateTimeOffset.UtcNow, TimeZoneInfo.Local.GetUtcOffset(DateTimeOffset.UtcNow));
        return HAProxyLogLab.ReadShared(path).Split('\n').Count(l => LogLineParser.TryParse(l, context, out _) == LogLineOutcome.Event);
    }

    private static long Scalar(AlerterDatabase database, string sql)
    {
        using var connection = database.OpenEnsured();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static List<StoredEvent> Rows(AlerterDatabase database)
    {
        using var connection = database.OpenEnsured();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idempotency_key, proxy, server, kind, reason, line, source FROM haproxy_event ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<StoredEvent>();
        while (reader.Read())
        {
            rows.Add(new StoredEvent(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }
        return rows;
    }
}
