using Alerter.Tests.Integration.Sending;
using Alerter.Tests.Support;
using TestSupport;

namespace Alerter.Tests.Integration.Sources;

/// <summary>
/// The real <c>alerter</c>, run as nobody (root passes every permission check), with Debian's log file as rsyslog makes
/// it (0640 root:adm, nobody not in adm), and with a log that does not exist: <c>alerter run</c> says so in one Warning
/// naming the user, the owner, group and mode and what to do, not again at every scan; <c>alerter status</c> exits 1
/// and says which source and why; no stack trace anywhere.
/// </summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class UnreadableSourceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_LogFile0640RootAdmUserNotInAdm_OneWarningNamingUserOwnerModeAndAdviceStatusExits1()
    {
        using var dir = new TempDirectory("aperm");
        var log = dir.Combine("haproxy.log");
        await File.WriteAllTextAsync(log, "<129>Nov 21 21:38:33 haproxy[6085]: Server be/srv3 is DOWN, reason: Layer4 connection problem.\n");
        var adm = Group("adm");
        File.SetUnixFileMode(log, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Chown(log, 0, adm);

        var (run, status) = await RunAndStatusAsNobodyAsync(dir, log);

        var expected = $"Log source {log}: cannot read the log file {log}: permission denied. The Alerter runs as user nobody (uid 65534) in groups nogroup; "
            + "the file is owned by root:adm with mode 0640. Add the user to group adm (Debian, where rsyslog writes the file root:adm 0640: `adduser nobody adm`), "
            + "then restart the Alerter (a new group membership applies only to processes started after it).";
        run.ShouldHaveSingleItem().ShouldEndWith(expected);
        status.Output.ShouldContain($"[UNREADABLE] {log}");
        status.Output.ShouldContain($"    problem: cannot read the log file {log}: permission denied. The Alerter runs as user nobody (uid 65534)");
    }

    [Fact]
    public async Task Run_LogFileMissing_OneWarningSayingSoAndWhatToDoStatusExits1()
    {
        using var dir = new TempDirectory("amiss");
        var log = dir.Combine("haproxy.log");

        var (run, status) = await RunAndStatusAsNobodyAsync(dir, log);

        run.ShouldHaveSingleItem().ShouldContain($"Log source {log}: the log file {log} does not exist (its directory does). Is HAProxy logging to it? On Debian the file is written by rsyslog");
        run[0].ShouldContain("set Alerter:Journal:Use=Always");
        status.Output.ShouldContain($"[UNREADABLE] {log}");
        status.Output.ShouldContain($"    problem: the log file {log} does not exist");
    }

    [Fact]
    public async Task Run_JournalNobodyMayRead_OneWarningWithJournalctlsWordsAndTheGroupStatusExits1()
    {
        using var dir = new TempDirectory("ajperm");
        var journal = dir.Combine("journal");
        Directory.CreateDirectory(journal);
        await JournalFile.WriteAsync(Path.Combine(journal, "system.journal"), [JournalFile.Syslog("<129>Nov 21 21:39:16 haproxy[6085]: Server be/srv1 is DOWN, changed from CLI.", DateTimeOffset.UtcNow)]);
        // systemd-journal-remote made it 0640 root:root, as journald's files are root:systemd-journal 0640.

        var (run, status) = await RunAndStatusAsNobodyAsync(dir, null, "--Alerter:Journal:Use=Always", $"--Alerter:Journal:Directory={journal}");

        run.ShouldHaveSingleItem().ShouldEndWith($"Log source journal:{journal}: cannot read the journal in {journal}: journalctl says \"No journal files were opened due to insufficient permissions.\". "
            + "The Alerter runs as user nobody (uid 65534) in groups nogroup. Members of group systemd-journal (or adm) read the system journal: on Debian `adduser nobody systemd-journal`, "
            + $"then restart the Alerter (a new group membership applies only to processes started after it). {journal} is owned by root:root with mode 0755.");
        status.Output.ShouldContain($"[UNREADABLE] journal:{journal}");
        status.Output.ShouldContain("    problem: cannot read the journal in ");
    }

    [Fact]
    public async Task Run_JournalctlMissing_OneWarningSayingWhereToPointItStatusExits1()
    {
        using var dir = new TempDirectory("ajmiss");

        var (run, status) = await RunAndStatusAsNobodyAsync(dir, null, "--Alerter:Journal:Use=Always", $"--Alerter:Journal:JournalctlPath={dir.Combine("no-journalctl")}");

        run.ShouldHaveSingleItem().ShouldEndWith($"Log source journal:system: journalctl ('{dir.Combine("no-journalctl")}', Alerter:Journal:JournalctlPath) was not found: install it (Debian: package systemd) or point Alerter:Journal:JournalctlPath at it.");
        status.Output.ShouldContain("[UNREADABLE] journal:system");
    }

    /// <summary>Runs the worker as nobody until several scans have passed, stops it, then runs <c>alerter status</c>: returns
    /// the worker's warning lines about the source and the status process (exit code already checked to be 1).</summary>
    private static async Task<(IReadOnlyList<string> Warnings, DotnetProcess Status)> RunAndStatusAsNobodyAsync(TempDirectory dir, string? log, params string[] extra)
    {
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0x1FF); // nobody writes the database here
        var dll = ProgramCopy.To("alerter.dll", dir.Combine("bin"));
        var environment = new Dictionary<string, string> { ["HOME"] = dir.Path, ["DOTNET_CLI_HOME"] = dir.Path };
        string[] settings =
        [
            $"--Store:DataDirectory={data}",
            "--Alerter:Logs:Interval=00:00:00.2",
            "--Alerter:Logs:SummaryInterval=00:00:01",
            .. log is null ? [] : new[] { $"--Alerter:Logs:Sources:0:Path={log}", "--Alerter:Logs:Sources:0:Host=lb1" },
            .. extra,
            .. DeliverySettings.NoServerArguments(),
        ];
        List<string> warnings;
        await using (var run = DotnetProcess.Start(dll, ["run", .. settings], dir.Path, environment, asNobody: true))
        {
            // Many scans (0.2 s apart), or journalctl started again and again, after the first warning: it must still be the
            // only one (throttled, 1 h). Five health lines (1 s apart) after it leave time for 25 scans or 3 restarts.
            await run.WaitForLineAsync(l => l.Contains("Log source ", StringComparison.Ordinal), Deadline);
            var healthBefore = run.Lines.Count(l => l.Contains("Health: ", StringComparison.Ordinal));
            await Poll.UntilAsync(new Func<bool>(() => run.Lines.Count(l => l.Contains("Health: ", StringComparison.Ordinal)) >= healthBefore + 5), Deadline,
                () => "five more health lines; output:\n" + run.Output);
            if (log is not null)
            {
                run.Lines.Max(ScansIn).ShouldBeGreaterThanOrEqualTo(10, run.Output);
            }
            warnings = [.. run.Lines.Where(l => l.Contains("Log source ", StringComparison.Ordinal))];
            run.Lines.ShouldContain(l => l.Contains("1 sources unreadable", StringComparison.Ordinal), run.Output);
            run.Output.ShouldNotContain("   at ", customMessage: "no stack trace");
            await run.KillAsync();
        }
        var status = DotnetProcess.Start(dll, ["status", .. settings], dir.Path, environment, asNobody: true);
        (await status.WaitForExitAsync(Deadline)).ShouldBe(1, status.Output);
        status.Output.ShouldNotContain("   at ", customMessage: "no stack trace");
        status.Dispose();
        return (warnings, status);
    }

    /// <summary>The scan count of a Health summary line (<c>Health: 1 files, 15 scans ...</c>), else 0.</summary>
    private static int ScansIn(string line)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, @"Health: \d+ files, (\d+) scans");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static int Group(string name)
        => int.Parse(File.ReadAllLines("/etc/group").Select(l => l.Split(':')).First(f => f[0] == name)[2], System.Globalization.CultureInfo.InvariantCulture);

    private static void Chown(string path, int uid, int gid)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [$"{uid}:{gid}", path]);
        chown.WaitForExit();
        chown.ExitCode.ShouldBe(0);
    }
}
