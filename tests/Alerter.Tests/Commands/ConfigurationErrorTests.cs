using Alerter.Tests.Integration.Sending;
using Alerter.Tests.Support;
using TestSupport;

namespace Alerter.Tests.Commands;

/// <summary>
/// The real <c>alerter</c> binary given settings that cannot work: every command ends with exit code 2 and
/// <c>Configuration error: ...</c> lines that name the key, never a stack trace or the Host's start-up crash log.
/// </summary>
[Trait("Category", "Integration")]
public class ConfigurationErrorTests
{
    [Theory]
    [InlineData("run", "--Alerter:Policy:Route:0:Email:0=noc@example.net", "Configuration error: unknown setting Alerter:Policy:Route:0:Email:0 (command line): did you mean Alerter:Policy:Routes?")]
    [InlineData("run", "--Alerter:Logs:Interval=5s", "Configuration error: Failed to convert configuration value '5s' at 'Alerter:Logs:Interval' to type 'System.TimeSpan'. Write a duration as")]
    [InlineData("run", "--Alerter:Logs:BatchBytes=12", "Configuration error: Alerter:Logs:BatchBytes must be at least 4096 (got 12).")]
    [InlineData("run", "--Store:DataDirectory=/proc/monitoring-test", "Configuration error: Store:DataDirectory '/proc/monitoring-test' (/proc/monitoring-test) cannot be used: ")]
    [InlineData("run", "--Alerter:Quartz:SqliteFile=/proc/monitoring-test/jobs.db", "Configuration error: Alerter:Quartz:SqliteFile's directory '/proc/monitoring-test' (/proc/monitoring-test) cannot be used: ")]
    [InlineData("status", "--Alerter:Logs:Interval=5s", "Configuration error: Failed to convert configuration value '5s' at 'Alerter:Logs:Interval'")]
    [InlineData("test-email", "--Alerter:Smtp:Port=smtp", "Configuration error: Failed to convert configuration value 'smtp' at 'Alerter:Smtp:Port' to type 'System.Int32'.")]
    public async Task Command_SettingThatCannotWork_ExitCode2WithOneLineForAPerson(string command, string setting, string expected)
    {
        using var dir = new TempDirectory("cfg");
        List<string> arguments = [command, $"--Store:DataDirectory={dir.Combine("data")}"];
        if (command == "run" && !setting.Contains(":Policy:", StringComparison.Ordinal))
        {
            arguments.AddRange(Integration.Sending.DeliverySettings.NoServerArguments()); // so the line asserted is the only problem
        }
        if (setting.Length > 0)
        {
            arguments.Add($"--Alerter:Logs:Sources:0:Path={dir.Combine("haproxy.log")}");
            arguments.Add(setting);
        }
        using var alerter = AlerterProcess.Start(dir.Path, arguments);

        (await alerter.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(2, alerter.Output);

        alerter.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(alerter.Output).ShouldStartWith(expected);
    }

    [Fact]
    public async Task Run_NoFileSourceAndJournalNever_ExitCode2SourcesEmpty()
    {
        // Without Use=Never an empty source list is Debian's default: the journal, or /var/log/haproxy.log when it exists.
        using var dir = new TempDirectory("cfg");
        using var alerter = AlerterProcess.Start(dir.Path, ["run", $"--Store:DataDirectory={dir.Combine("data")}", "--Alerter:Journal:Use=Never", .. DeliverySettings.NoServerArguments()]);

        (await alerter.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(2, alerter.Output);

        alerter.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(alerter.Output).ShouldStartWith("Configuration error: Alerter:Logs:Sources is empty: add at least one source");
    }

    [Fact]
    public async Task Run_ConfigFileThatIsNotJson_ExitCode2NamingTheFileAndTheLine()
    {
        using var dir = new TempDirectory("cfg");
        var config = dir.Combine("alerter.json");
        await File.WriteAllTextAsync(config, "{\n  \"Alerter\": {\n    \"Logs\": { \"Interval\": \"00:00:05\" \n");
        using var alerter = AlerterProcess.Start(dir.Path, ["run", "--config", config]);

        (await alerter.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(2, alerter.Output);

        var line = alerter.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(alerter.Output);
        line.ShouldStartWith($"Configuration error: Failed to load configuration from file '{config}'. Could not parse the JSON file.");
        line.ShouldContain("LineNumber: ");
    }
}
