using Storage.Samples;
using Collector.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TestSupport;

namespace Collector.Tests.Integration;

[Trait("Category", "Integration")]
public class FailureIntegrationTests
{
    [Fact]
    public async Task CollectorBinary_MissingSocketAndPermissionDenied_ClearErrorsAndStoreKeepsFilling()
    {
        using var dir = new TempDirectory("cf");
        using var backend = new TestHttpBackend();
        var open = dir.Combine("open.sock");
        var locked = dir.Combine("locked.sock");
        var missing = dir.Combine("missing.sock");
        await using var haproxy = await HAProxyProcess.StartAsync(dir.Path, $"""
            global
                stats socket {open} mode 666 level operator
                stats socket {locked} mode 000 level admin
            defaults
                mode http
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            backend be
                server srv1 {backend.Address}

            """, open);
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, (UnixFileMode)0x1FF); // the collector may run as nobody below
        }
        var healthPort = FreePort.Next();
        // The real binary runs as nobody below, and the checkout may sit under a directory nobody cannot enter
        // (mktemp -d is mode 700): run a copy of it from this test's own directory.
        var collectorDll = ProgramCopy.To("collector.dll", dir.Combine("bin"));
        var settings = new Dictionary<string, string?>
        {
            ["Collector:Interval"] = "00:00:01",
            ["Collector:Health:Port"] = healthPort.ToString(),
            ["Collector:Sqlite:DataDirectory"] = data,
            ["Collector:Endpoints:0:Address"] = open,
            ["Collector:Endpoints:0:Host"] = "good",
            ["Collector:Endpoints:1:Address"] = locked,
            ["Collector:Endpoints:1:Host"] = "locked",
            ["Collector:Endpoints:2:Address"] = missing,
            ["Collector:Endpoints:2:Host"] = "missing",
        };
        // root passes every permission check, so the real binary runs as nobody to meet a real EACCES
        await using var collector = DotnetProcess.Start(
            collectorDll, DotnetProcess.SettingsArguments(settings), dir.Path,
            new Dictionary<string, string> { ["HOME"] = dir.Path, ["DOTNET_CLI_HOME"] = dir.Path }, asNobody: true);
        using var http = new HttpClient();
        var status = "";
        await Poll.UntilAsync(() =>
        {
            try
            {
                status = http.GetStringAsync($"http://127.0.0.1:{healthPort}/status").Result;
            }
            catch (AggregateException)
            {
                return false;
            }
            // "At least three polls": the counter grows every second, so an exact match can be missed under load.
            using var json = System.Text.Json.JsonDocument.Parse(status);
            var endpoints = json.RootElement.GetProperty("endpoints").EnumerateArray().ToArray();
            return endpoints.Length == 3
                && endpoints.All(e => e.GetProperty("polls").GetInt64() >= 3)
                && status.Contains("PermissionDenied") && status.Contains("SocketMissing");
        }, TimeSpan.FromSeconds(30), "three polls with both errors in /status");

        collector.HasExited.ShouldBeFalse();
        status.ShouldContain(locked);
        status.ShouldContain(missing);
        var db = Path.Combine(data, "collector.db");
        using var reader = new Microsoft.Data.Sqlite.SqliteConnection(global::Storage.Sqlite.SqliteStore.ConnectionString(db, readOnly: true));
        reader.Open();
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sample_view WHERE measurement = 'haproxy_server' AND host = 'good'";
        Convert.ToInt64(count.ExecuteScalar()).ShouldBeGreaterThanOrEqualTo(2);
        var logs = collector.Output;
        logs.ShouldContain($"Poll of {locked} (host locked) failed (PermissionDenied)");
        logs.ShouldContain($"Poll of {missing} (host missing) failed (SocketMissing)");
    }

    [Fact]
    public async Task Collector_SinkThrowsLikeWrongCredentials_ErrorInStatusEmbeddedStoreStillFed()
    {
        await using var bed = await CollectorTestBed.StartAsync();
        var broken = new RecordingSink("influxdb", throws: true);
        await bed.StartCollectorAsync(services: s => s.AddSingleton<ISampleSink>(broken));

        await Poll.UntilAsync(() => bed.Stored("haproxy_process").Count >= 3, TimeSpan.FromSeconds(20), "three cycles into SQLite");
        var status = await bed.GetStatusAsync("/health");

        status.ShouldContain("\"name\": \"influxdb\"");
        status.ShouldContain("401 Unauthorized: wrong credentials");
        status.ShouldContain("\"status\": \"degraded\"");
        bed.Stored("haproxy_server", "be", "srv1").Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Collector_InvalidConfiguration_StartFailsWithActionableMessage()
    {
        await using var bed = await CollectorTestBed.StartAsync();
        var settings = bed.Settings();
        settings["Collector:Interval"] = "00:00:00.200";
        settings["Collector:Endpoints:1:Address"] = "/run/*/x.sock";

        var error = await Should.ThrowAsync<OptionsValidationException>(() => bed.StartCollectorAsync(settings));

        error.Message.ShouldContain("Collector:Interval is 00:00:00.2000000; use a value from 00:00:01");
        error.Message.ShouldContain("wildcards are allowed in the socket file name only");
    }

    [Theory]
    [InlineData("Collector:Interval", "00:00:00.200", "Configuration error: Collector:Interval is 00:00:00.2000000; use a value from 00:00:01")]
    [InlineData("Collector:Interval", "ten seconds", "Configuration error: Failed to convert configuration value 'ten seconds' at 'Collector:Interval' to type 'System.TimeSpan'. Write a duration as")]
    [InlineData("Collector:Sqlite:Enabled", "maybe", "Configuration error: Failed to convert configuration value 'maybe' at 'Collector:Sqlite:Enabled' to type 'System.Boolean'. Write true or false.")]
    public async Task CollectorBinary_InvalidSetting_ExitCode2WithOneLineForAPersonAndNoStackTrace(string key, string value, string expected)
    {
        using var dir = new TempDirectory("ci");
        var settings = new Dictionary<string, string?>
        {
            ["Collector:Endpoints:0:Address"] = dir.Combine("admin.sock"),
            ["Collector:Sqlite:DataDirectory"] = dir.Combine("data"),
            ["Collector:Health:Port"] = FreePort.Next().ToString(),
            [key] = value,
        };
        await using var collector = DotnetProcess.Start(Path.Combine(AppContext.BaseDirectory, "collector.dll"), DotnetProcess.SettingsArguments(settings), dir.Path);

        (await collector.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(2, collector.Output);

        collector.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(collector.Output).ShouldStartWith(expected);
    }

    [Fact]
    public async Task CollectorBinary_ConfigFileThatIsNotJson_ExitCode2NamingTheFileAndTheLine()
    {
        using var dir = new TempDirectory("cj");
        var appSettings = dir.Combine("collector.json");
        await File.WriteAllTextAsync(appSettings, "{\n  \"Collector\": {\n    \"Interval\": 00:00:10\n  }\n}\n");
        await using var collector = DotnetProcess.Start(Path.Combine(AppContext.BaseDirectory, "collector.dll"), ["--config", appSettings], dir.Path);

        (await collector.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(2, collector.Output);

        var line = collector.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(collector.Output);
        line.ShouldStartWith($"Configuration error: Failed to load configuration from file '{appSettings}'. Could not parse the JSON file.");
        line.ShouldContain("LineNumber: 2");
    }

    [Fact]
    public async Task CollectorBinary_SecondProcessOnTheSameInfluxSpool_ExitCode2SayingWhatToChange()
    {
        using var dir = new TempDirectory("cs");
        var spool = dir.Combine("spool");
        Dictionary<string, string?> Settings(string name) => new()
        {
            ["Collector:Endpoints:0:Address"] = dir.Combine("admin.sock"),
            ["Collector:Sqlite:DataDirectory"] = dir.Combine(name),
            ["Collector:Health:Port"] = FreePort.Next().ToString(),
            ["Collector:Influx:Url"] = $"http://127.0.0.1:{FreePort.Next()}", // nobody listens: points stay spooled
            ["Collector:Influx:Database"] = "haproxy",
            ["Collector:Influx:SpoolDirectory"] = spool,
        };
        var dll = Path.Combine(AppContext.BaseDirectory, "collector.dll");
        await using var first = DotnetProcess.Start(dll, DotnetProcess.SettingsArguments(Settings("first")), dir.Path);
        await first.WaitForLineAsync(l => l.Contains("Collector polling every", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        await using var second = DotnetProcess.Start(dll, DotnetProcess.SettingsArguments(Settings("second")), dir.Path);

        (await second.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(2, second.Output);
        second.Lines.Where(l => l.StartsWith("Configuration error: ", StringComparison.Ordinal)).ShouldHaveSingleItem(second.Output)
            .ShouldBe($"Configuration error: The InfluxDB spool {spool} is in use by another process (a second Collector or Alerter with the same SpoolDirectory?). Give each process its own SpoolDirectory.");
        second.Output.ShouldNotContain("   at ");
        first.HasExited.ShouldBeFalse(first.Output);
    }
}
