using System.Text;
using Alerter.Tests.Integration.Sending;
using Alerter.Tests.Support;
using Microsoft.Data.Sqlite;
using TestSupport;

namespace Alerter.Tests.Integration.Journal;

/// <summary>
/// The real <c>alerter run</c> reading a journal directory through the real journalctl, the journal files written by
/// systemd-journal-remote from HAProxy's real datagrams: DOWN, UP and an emptied backend are stored once each (the
/// backend paged critical), a SIGKILL and restart resume from the stored cursor without storing anything twice, and a
/// journal file added while the worker runs is read live.
/// </summary>
[Trait("Category", "Integration")]
public class JournalSourceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // reference/haproxy-2.6.md, "State-change log lines": what HAProxy 2.6 sent to its syslog socket.
    private const string Srv3Down = "<129>Nov 21 21:38:33 haproxy[6085]: Server be/srv3 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private const string Srv1Down = "<129>Nov 21 21:39:16 haproxy[6085]: Server be/srv1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private const string Srv1Up = "<133>Nov 21 21:39:19 haproxy[6085]: Server be/srv1 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";
    private const string BackendEmpty = "<128>Nov 21 21:40:21 haproxy[6085]: backend be has no server available!";
    private const string RequestLine = "<134>Nov 21 21:40:22 haproxy[6085]: 127.0.0.1:40000 [21/Nov/2026:21:40:22.001] fe be/srv1 0/0/0/1/1 200 120 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"";

    [Fact]
    public async Task Run_JournalDirectory_StoresEachTransitionOnceResumesFromCursorAndFollowsNewFiles()
    {
        using var dir = new TempDirectory("ajour");
        var journal = dir.Combine("journal");
        Directory.CreateDirectory(journal);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        await JournalFile.WriteAsync(Path.Combine(journal, "first.journal"),
        [
            JournalFile.Syslog(Srv3Down, t0),
            JournalFile.Syslog(Srv1Down, t0.AddSeconds(1)),
            // Request lines are info: journalctl's --priority=notice leaves them out.
            JournalFile.Syslog(RequestLine, t0.AddSeconds(2)),
            JournalFile.RawMessage(Encoding.Latin1.GetBytes("Server be/caf\u00e9 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."), t0.AddSeconds(3)),
            JournalFile.Syslog(BackendEmpty, t0.AddSeconds(4)),
            // Another unit with HAProxy's identifier is still HAProxy (SYSLOG_IDENTIFIER=haproxy matches).
            JournalFile.Syslog(Srv1Up, t0.AddSeconds(5), unit: "haproxy-edge.service"),
        ]);
        var database = dir.Combine("data/alerter.db");
        string[] arguments =
        [
            "run",
            $"--Store:DataDirectory={dir.Combine("data")}",
            "--Alerter:Logs:Interval=00:00:00.5",
            "--Alerter:Journal:Use=Always",
            $"--Alerter:Journal:Directory={journal}",
            "--Alerter:Journal:Start=Beginning",
            "--Alerter:Journal:Host=lb1",
            "--Logging:LogLevel:Default=Information",
            .. DeliverySettings.NoServerArguments(),
        ];

        await using (var alerter = AlerterProcess.Start(dir.Path, arguments))
        {
            await Poll.UntilAsync(new Func<bool>(() => Events(database).Count == 4), Deadline, () => "for four transitions from the journal; output:\n" + alerter.Output);
            await Poll.UntilAsync(new Func<bool>(() => Checkpoint(database).InvalidUtf8 == 1), Deadline, () => "for the non-UTF-8 entry counted; output:\n" + alerter.Output);
            await Poll.UntilAsync(new Func<bool>(() => Events(database).All(e => e.Severity is not null)), Deadline, () => "for the events dispatched; output:\n" + alerter.Output);
            alerter.Lines.ShouldContain(l => l.Contains("Log sources: Alerter:Journal:Use is Always", StringComparison.Ordinal), alerter.Output);
            await alerter.KillAsync();
        }
        var first = Events(database);
        first.Select(e => (e.Server, e.Kind)).ShouldBe([("srv3", "ServerDown"), ("srv1", "ServerDown"), (null, "BackendNoServerAvailable"), ("srv1", "ServerUp")]);
        first.Single(e => e.Kind == "BackendNoServerAvailable").Severity.ShouldBe("critical");
        first.ShouldAllBe(e => e.Source == "journal:" + journal && e.Key.StartsWith("lb1|", StringComparison.Ordinal));
        // The event time is the entry's __REALTIME_TIMESTAMP (journald's reception), not the syslog header's.
        first[0].TimeUnixMs.ShouldBe(t0.ToUnixTimeMilliseconds());
        var entries = Checkpoint(database).Entries;
        entries.ShouldBe(5, "every entry at notice or worse: the request line is left out by --priority");

        // Restarted after SIGKILL: resumes after the stored cursor (nothing read again), then follows a new file live.
        await using (var alerter = AlerterProcess.Start(dir.Path, arguments))
        {
            await alerter.WaitForLineAsync(l => l.Contains("following from its cursor", StringComparison.Ordinal), Deadline);
            await JournalFile.WriteAsync(Path.Combine(journal, "second.journal"),
            [
                JournalFile.Syslog(Srv3Down.Replace("srv3", "srv2", StringComparison.Ordinal), DateTimeOffset.UtcNow),
            ]);
            await Poll.UntilAsync(new Func<bool>(() => Events(database).Count == 5), Deadline, () => "for the entry of the file added while running; output:\n" + alerter.Output);
            await alerter.KillAsync();
        }
        var all = Events(database);
        all.Select(e => e.Key).Distinct().Count().ShouldBe(5);
        all[4].Server.ShouldBe("srv2");
        Checkpoint(database).Entries.ShouldBe(entries + 1, "the restart read only the new entry");
    }

    private sealed record Row(string Key, string? Server, string Kind, string? Severity, long TimeUnixMs, string Source);

    private static List<Row> Events(string database)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=10");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT idempotency_key, server, kind, severity, time_unix_ms, source FROM haproxy_event ORDER BY time_unix_ms, id";
            using var reader = command.ExecuteReader();
            var rows = new List<Row>();
            while (reader.Read())
            {
                rows.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4), reader.GetString(5)));
            }
            return rows;
        }
        catch (SqliteException)
        {
            return []; // not created yet
        }
    }

    private static (long Entries, long InvalidUtf8) Checkpoint(string database)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=10");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT entries, invalid_utf8 FROM journal_checkpoint";
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
        }
        catch (SqliteException)
        {
            return (0, 0);
        }
    }
}
