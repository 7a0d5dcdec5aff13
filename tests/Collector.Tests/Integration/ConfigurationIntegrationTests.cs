using TestSupport;

namespace Collector.Tests.Integration;

/// <summary>
/// The real <c>collector</c> executable and its settings: where they are read from, keys nothing reads, and what it
/// says when run as an unprivileged user (nobody) who may not use the socket or the spool it was given.
/// </summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ConfigurationIntegrationTests
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "collector.dll");

    private static Dictionary<string, string?> Basics(TempDirectory dir) => new()
    {
        ["Collector:Endpoints:0:Address"] = dir.Combine("admin.sock"),
        ["Collector:Sqlite:DataDirectory"] = dir.Combine("data"),
        ["Collector:Health:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData("file")]
    [InlineData("environment")]
    [InlineData("command line")]
    public async Task CollectorBinary_MisspeltKey_ExitCode2NamingTheKeyAndTheClosestKnownOne(string where)
    {
        using var dir = new TempDirectory("ck");
        var arguments = DotnetProcess.SettingsArguments(Basics(dir)).ToList();
        var environment = new Dictionary<string, string>();
        var origin = where;
        switch (where)
        {
            case "file":
                origin = dir.Combine("collector.json");
                await File.WriteAllTextAsync(origin, """{ "Collector": { "Intervall": "00:00:05" } }""");
                arguments.AddRange(["--config", origin]);
                break;
            case "environment":
                environment["MONITORING__Collector__Intervall"] = "00:00:05";
                origin = "environment MONITORING__Collector__Intervall";
                break;
            default:
                arguments.Add("--Collector:Intervall=00:00:05");
                break;
        }
        await using var collector = DotnetProcess.Start(Dll, arguments, dir.Path, environment);

        (await collector.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, collector.Output);

        collector.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(collector.Output)
            .ShouldBe($"Configuration error: unknown setting Collector:Intervall ({origin}): did you mean Collector:Interval?");
    }

    [Fact]
    public async Task CollectorBinary_AppSettingsInTheWorkingDirectory_NotRead()
    {
        using var dir = new TempDirectory("cw");
        // Read before (and fatal, as it is not JSON); the working directory is no place for settings (a service's is /).
        await File.WriteAllTextAsync(dir.Combine("appsettings.json"), "{ not json");
        await using var collector = DotnetProcess.Start(Dll, DotnetProcess.SettingsArguments(Basics(dir)), dir.Path);

        await collector.WaitForLineAsync(l => l.Contains("Collector polling every", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task CollectorBinaryAsNobody_DebianStockSocketAndGroupSocketWithoutTheGroup_KeepsRunningOneLineEachSayingWhatToDo()
    {
        using var dir = new TempDirectory("cn");
        using var backend = new TestHttpBackend();
        var stock = dir.Combine("admin.sock");   // Debian's stock line: created by root before any privilege drop
        var grouped = dir.Combine("group.sock");
        await using var haproxy = await HAProxyProcess.StartAsync(dir.Path, $"""
            global
                stats socket {stock} mode 660 level admin
                stats socket {grouped} mode 660 level user group haproxy
            defaults
                mode http
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            backend be
                server srv1 {backend.Address}

            """, stock);
        var (dll, settings) = PrepareForNobody(dir);
        settings["Collector:Endpoints:0:Address"] = stock;
        settings["Collector:Endpoints:0:Host"] = "stock";
        settings["Collector:Endpoints:1:Address"] = grouped;
        settings["Collector:Endpoints:1:Host"] = "grouped";
        await using var collector = StartAsNobody(dll, settings, dir, groups: null);
        using var http = new HttpClient();

        await Poll.UntilAsync(async () => Polls(await Status(http, settings)) >= 3, TimeSpan.FromSeconds(60), () => "three polls of each socket\n" + collector.Output);

        collector.HasExited.ShouldBeFalse(collector.Output);
        var lines = collector.Lines;
        var stockLine = lines.Where(l => l.Contains($"Poll of {stock} (host stock) failed (PermissionDenied)", StringComparison.Ordinal)).ShouldHaveSingleItem(collector.Output);
        stockLine.ShouldContain("this process runs as user nobody");
        stockLine.ShouldContain("The socket is owned by root:root with mode 660");
        stockLine.ShouldContain("counts only after a restart of the process");
        lines.Where(l => l.Contains($"Poll of {grouped} (host grouped) failed (PermissionDenied)", StringComparison.Ordinal)).ShouldHaveSingleItem(collector.Output)
            .ShouldContain("The socket is owned by root:haproxy with mode 660 (srw-rw----). Run as user root or as a member of group haproxy");
        collector.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task CollectorBinaryAsNobodyInGroupHaproxy_GroupSocket_Polled()
    {
        using var dir = new TempDirectory("cg");
        using var backend = new TestHttpBackend();
        var grouped = dir.Combine("group.sock");
        await using var haproxy = await HAProxyProcess.StartAsync(dir.Path, $"""
            global
                stats socket {grouped} mode 660 level user group haproxy
            defaults
                mode http
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            backend be
                server srv1 {backend.Address}

            """, grouped);
        var (dll, settings) = PrepareForNobody(dir);
        settings["Collector:Endpoints:0:Address"] = grouped;
        settings["Collector:Endpoints:0:Host"] = "grouped";
        await using var collector = StartAsNobody(dll, settings, dir, groups: ["haproxy"]);
        using var http = new HttpClient();
        var status = "";

        await Poll.UntilAsync(async () => Polls(status = await Status(http, settings)) >= 2, TimeSpan.FromSeconds(60), () => "two polls\n" + status + collector.Output);

        using var json = System.Text.Json.JsonDocument.Parse(status);
        var endpoint = json.RootElement.GetProperty("endpoints").EnumerateArray().ShouldHaveSingleItem();
        endpoint.GetProperty("failures").GetInt64().ShouldBe(0, status);
        endpoint.GetProperty("lastSamples").GetInt32().ShouldBeGreaterThan(0, status);
        collector.Output.ShouldNotContain("PermissionDenied");
    }

    [Fact]
    public async Task CollectorBinaryAsNobody_UnwritableSpool_ExitCode2WithOneLineNamingTheSetting()
    {
        using var dir = new TempDirectory("cu");
        var (dll, settings) = PrepareForNobody(dir);
        var locked = dir.Combine("locked");
        Directory.CreateDirectory(locked); // root's, 755: nobody cannot write in it
        settings["Collector:Influx:Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        settings["Collector:Influx:Database"] = "haproxy";
        settings["Collector:Influx:SpoolDirectory"] = Path.Combine(locked, "spool");
        await using var collector = StartAsNobody(dll, settings, dir, groups: null);

        (await collector.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2, collector.Output);

        var spool = Path.Combine(locked, "spool");
        collector.Lines.Where(l => l.Length > 0).ShouldHaveSingleItem(collector.Output).ShouldBe(
            $"Configuration error: Collector:Influx:SpoolDirectory '{spool}' ({spool}) cannot be used: Access to the path '{spool}' is denied. Point it at a directory this user can write, or fix its permissions.");
    }

    [Fact]
    public async Task CollectorBinaryAsNobody_WorkingDirectoryNotWritable_DefaultSpoolInTheDataDirectory()
    {
        using var dir = new TempDirectory("cd");
        var (dll, settings) = PrepareForNobody(dir);
        settings["Collector:Influx:Url"] = $"http://127.0.0.1:{FreePort.Next()}"; // nobody listens: points stay spooled
        settings["Collector:Influx:Database"] = "haproxy";
        var readOnly = dir.Combine("cwd");
        Directory.CreateDirectory(readOnly); // root's, 755
        await using var collector = DotnetProcess.Start(dll, DotnetProcess.SettingsArguments(settings), readOnly,
            new Dictionary<string, string> { ["HOME"] = dir.Path, ["DOTNET_CLI_HOME"] = dir.Path }, asNobody: true);

        await collector.WaitForLineAsync(l => l.Contains("Collector polling every", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Directory.Exists(Path.Combine(settings["Collector:Sqlite:DataDirectory"]!, "influx-spool")).ShouldBeTrue(collector.Output);
        Directory.Exists(Path.Combine(readOnly, "data")).ShouldBeFalse();
    }

    /// <summary>A copy of the binary nobody can read, and a data directory nobody can write.</summary>
    private static (string Dll, Dictionary<string, string?> Settings) PrepareForNobody(TempDirectory dir)
    {
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1ED); // 755: nobody may enter
        var data = dir.Combine("data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0x1FF);
        var settings = Basics(dir);
        settings["Collector:Interval"] = "00:00:01";
        return (ProgramCopy.To("collector.dll", dir.Combine("bin")), settings);
    }

    private static DotnetProcess StartAsNobody(string dll, Dictionary<string, string?> settings, TempDirectory dir, IReadOnlyList<string>? groups) =>
        DotnetProcess.Start(dll, DotnetProcess.SettingsArguments(settings), dir.Path,
            new Dictionary<string, string> { ["HOME"] = dir.Path, ["DOTNET_CLI_HOME"] = dir.Path }, asNobody: true, groups: groups);

    private static async Task<string> Status(HttpClient http, Dictionary<string, string?> settings)
    {
        try
        {
            return await http.GetStringAsync($"http://127.0.0.1:{settings["Collector:Health:Port"]}/status");
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    private static long Polls(string status)
    {
        if (status.Length == 0)
        {
            return 0;
        }
        using var json = System.Text.Json.JsonDocument.Parse(status);
        var endpoints = json.RootElement.GetProperty("endpoints").EnumerateArray().ToArray();
        return endpoints.Length == 0 ? 0 : endpoints.Min(e => e.GetProperty("polls").GetInt64());
    }
}
