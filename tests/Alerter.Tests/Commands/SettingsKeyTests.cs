using Alerter.Tests.Integration.Sending;
using Alerter.Tests.Support;
using TestSupport;

namespace Alerter.Tests.Commands;

/// <summary>
/// The real <c>alerter</c> binary and keys it does not read (exit 2, one line naming the key and the closest known
/// one, from a file, the environment or the command line), a renamed key (read, with a warning), console formatter
/// settings, and as nobody an unreadable password file.
/// </summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SettingsKeyTests
{
    [Theory]
    [InlineData("file", "Alerter:Policy:Route:0:Email:0", "noc@example.net", "did you mean Alerter:Policy:Routes?")]
    [InlineData("environment", "Alerter:Policy:Route:0:Email:0", "noc@example.net", "did you mean Alerter:Policy:Routes?")]
    [InlineData("command line", "Alerter:Policy:Route:0:Email:0", "noc@example.net", "did you mean Alerter:Policy:Routes?")]
    [InlineData("file", "Alerter:Smtp:Securty", "None", "did you mean Alerter:Smtp:Security?")]
    [InlineData("environment", "Alerter:Smtp:Securty", "None", "did you mean Alerter:Smtp:Security?")]
    [InlineData("command line", "Alerter:Smtp:Securty", "None", "did you mean Alerter:Smtp:Security?")]
    public async Task Run_MisspeltKey_ExitCode2WithOneLineNamingItAndTheSuggestion(string where, string key, string value, string suggestion)
    {
        using var dir = new TempDirectory("sk");
        List<string> arguments = ["run", $"--Store:DataDirectory={dir.Combine("data")}", $"--Alerter:Logs:Sources:0:Path={dir.Combine("haproxy.log")}", .. DeliverySettings.NoServerArguments()];
        var environment = new Dictionary<string, string>();
        string origin;
        switch (where)
        {
            case "file":
                origin = dir.Combine("alerter.json");
                var segments = key.Split(':');
                // {"Alerter":{"Policy":{"Route":{"0":{"Email":{"0":"x"}}}}}}: the JSON provider reads objects with
                // numeric names as it reads arrays, so this is the file's own spelling of the key.
                var json = string.Concat(segments.Select(s => $"{{\"{s}\":")) + $"\"{value}\"" + new string('}', segments.Length);
                await File.WriteAllTextAsync(origin, json);
                arguments.AddRange(["--config", origin]);
                break;
            case "environment":
                var variable = "MONITORING__" + key.Replace(":", "__", StringComparison.Ordinal);
                environment[variable] = value;
                origin = "environment " + variable;
                break;
            default:
                arguments.Add($"--{key}={value}");
                origin = "command line";
                break;
        }
        using var alerter = AlerterProcess.Start(dir.Path, arguments, environment);

        (await alerter.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, alerter.Output);

        alerter.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(alerter.Output)
            .ShouldBe($"Configuration error: unknown setting {key} ({origin}): {suggestion}");
    }

    [Fact]
    public async Task TestEmail_RenamedEnableSsl_ReadAsSecurityWithAWarning()
    {
        using var dir = new TempDirectory("sr");
        var port = FreePort.Next(); // nothing listens: the verdict is "unreachable", after the settings were read
        using var alerter = AlerterProcess.Start(dir.Path,
        [
            "test-email", "--to", "noc@localhost", $"--Store:DataDirectory={dir.Combine("data")}",
            "--Alerter:Smtp:Host=127.0.0.1", $"--Alerter:Smtp:Port={port}", "--Alerter:Smtp:From=alerter@localhost",
            "--Alerter:Smtp:EnableSsl=false",
        ]);

        (await alerter.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(1, alerter.Output);

        alerter.Output.ShouldContain("Warning: Alerter:Smtp:EnableSsl (command line) was renamed to Alerter:Smtp:Security in 2026-12; read as Alerter:Smtp:Security=None for now.");
        alerter.Output.ShouldContain($"via 127.0.0.1:{port} (no TLS, no AUTH)");
        alerter.Output.ShouldContain("FAILED: unreachable");
    }

    [Fact]
    public async Task Run_RenamedEnableSsl_StartsAndLogsTheWarning()
    {
        using var dir = new TempDirectory("sw");
        using var alerter = AlerterProcess.Start(dir.Path,
        [
            "run", $"--Store:DataDirectory={dir.Combine("data")}", $"--Alerter:Logs:Sources:0:Path={dir.Combine("haproxy.log")}",
            .. DeliverySettings.NoServerArguments(), "--Alerter:Smtp:EnableSsl=false",
        ]);

        await alerter.WaitForLineAsync(l => l.Contains("Settings: Alerter:Smtp:EnableSsl (command line) was renamed to Alerter:Smtp:Security", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        alerter.HasExited.ShouldBeFalse(alerter.Output);
    }

    [Fact]
    public async Task Run_SystemdConsoleFormatter_LinesCarryJournaldLevels()
    {
        using var dir = new TempDirectory("sf");
        using var alerter = AlerterProcess.Start(dir.Path,
        [
            "run", $"--Store:DataDirectory={dir.Combine("data")}", $"--Alerter:Logs:Sources:0:Path={dir.Combine("haproxy.log")}",
            .. DeliverySettings.NoServerArguments(), "--Logging:Console:FormatterName=systemd",
        ]);

        // The start-up SMTP check fails (nothing listens): a warning, which journald reads as priority 4.
        var line = await alerter.WaitForLineAsync(l => l.Contains("failed its start-up check", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        line.ShouldStartWith("<4>");
    }

    [Fact]
    public async Task Run_NoFormatterSet_OneLineEntriesWithTheDate()
    {
        using var dir = new TempDirectory("sd");
        using var alerter = AlerterProcess.Start(dir.Path,
        [
            "run", $"--Store:DataDirectory={dir.Combine("data")}", $"--Alerter:Logs:Sources:0:Path={dir.Combine("haproxy.log")}",
            .. DeliverySettings.NoServerArguments(),
        ]);

        var line = await alerter.WaitForLineAsync(l => l.Contains("failed its start-up check", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        line.ShouldMatch(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d warn: Alerter\.Sending\.Email\.AlertEmailWarmUp\[\d+\] SMTP server");
    }

    [Fact]
    public async Task Run_RelativeQuartzSqliteFile_InTheDataDirectoryNotTheWorkingDirectory()
    {
        using var dir = new TempDirectory("sq");
        var data = dir.Combine("data");
        using var alerter = AlerterProcess.Start(dir.Path,
        [
            "run", $"--Store:DataDirectory={data}", $"--Alerter:Logs:Sources:0:Path={dir.Combine("haproxy.log")}",
            .. DeliverySettings.NoServerArguments(), "--Alerter:Quartz:SqliteFile=jobs.db",
        ]);

        await Poll.UntilAsync(() => File.Exists(Path.Combine(data, "jobs.db")) || alerter.HasExited, TimeSpan.FromSeconds(60), () => "jobs.db in the data directory\n" + alerter.Output);

        alerter.HasExited.ShouldBeFalse(alerter.Output);
        File.Exists(dir.Combine("jobs.db")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("test-email")]
    [InlineData("run")]
    public async Task AsNobody_UnreadablePasswordFile_ExitCode2WithOneLineSayingWhoCannotReadIt(string command)
    {
        using var dir = new TempDirectory("sp");
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1ED); // 755
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0x1FF);
        var secret = dir.Combine("smtp-password");
        await File.WriteAllTextAsync(secret, "s3cret\n");
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite); // root's, 0600
        var dll = ProgramCopy.To("alerter.dll", dir.Combine("bin"));
        List<string> arguments =
        [
            command, $"--Store:DataDirectory={data}", $"--Alerter:Logs:Sources:0:Path={dir.Combine("haproxy.log")}",
            .. DeliverySettings.NoServerArguments(), "--Alerter:Smtp:UserName=alerter", $"--Alerter:Smtp:PasswordFile={secret}",
        ];
        if (command == "test-email")
        {
            arguments.AddRange(["--to", "noc@localhost"]);
        }
        await using var alerter = DotnetProcess.Start(dll, arguments, dir.Path,
            new Dictionary<string, string> { ["HOME"] = dir.Path, ["DOTNET_CLI_HOME"] = dir.Path }, asNobody: true);

        (await alerter.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, alerter.Output);

        alerter.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(alerter.Output).ShouldBe(
            $"Configuration error: Alerter:Smtp:PasswordFile '{secret}' cannot be read by user nobody (mode 0600): give that user read permission (e.g. chgrp to one of its groups and chmod 640).");
    }
}
