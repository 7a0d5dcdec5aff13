using System.Text.Json;
using TestSupport;

namespace Collector.Tests.Integration;

/// <summary>
/// Issue 18 item 1 on a real Collector process polling a real haproxy: <c>rm collector.db*</c> while it runs (a cleanup
/// script, an operator's mistake), then a truncated file. Before the fix the process went on writing into the deleted
/// inode (<c>/proc/PID/fd</c> showed <c>collector.db (deleted)</c>) and <c>/status</c> stayed "ok".
/// </summary>
[Trait("Category", "Integration")]
public class StoreDeletedIntegrationTests
{
    // Long enough that "degraded" (between the rm and the next cycle) is seen on a loaded machine, short enough for a test.
    private const int IntervalSeconds = 4;

    [Fact]
    public async Task CollectorBinary_StoreDeletedThenTruncatedWhileRunning_DegradedThenOkAndNewSamplesInTheNewFile()
    {
        await using var bed = await CollectorTestBed.StartAsync();
        var settings = bed.Settings();
        settings["Collector:Interval"] = $"00:00:0{IntervalSeconds}";
        await using var collector = DotnetProcess.Start(Path.Combine(AppContext.BaseDirectory, "collector.dll"),
            DotnetProcess.SettingsArguments(settings), bed.Directory.Path);
        using var http = new HttpClient();
        await Poll.UntilAsync(() => bed.Stored("haproxy_server", "be", "srv1").Count >= 2, TimeSpan.FromSeconds(60),
            () => "two cycles in the store. Output:\n" + collector.Output);

        // rm collector.db* just after a cycle, so the next one is a whole interval away
        await AfterACycleAsync(http, bed, collector);
        var deletedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(bed.DatabasePath + suffix);
        }
        var degraded = await StatusAsync(http, bed);
        await Poll.UntilAsync(() => bed.Stored("haproxy_server", "be", "srv1").Count(s => s.Ts > deletedAt) >= 2, TimeSpan.FromSeconds(60),
            () => "two cycles in the new file. Output:\n" + collector.Output);
        var recovered = await StatusAsync(http, bed);

        Status(degraded).ShouldBe("degraded", degraded);
        SqliteSink(degraded).GetProperty("lastError").GetString().ShouldNotBeNull().ShouldContain($"{bed.DatabasePath} was deleted");
        Status(recovered).ShouldBe("ok", recovered);
        SqliteSink(recovered).GetProperty("metrics").GetProperty("store_reopens_total").GetDouble().ShouldBe(1);
        bed.Stored("haproxy_server", "be", "srv1").ShouldAllBe(s => s.Ts > deletedAt, "the new file holds only samples taken after the rm");
        collector.Lines.Count(l => l.Contains("The embedded store changed under the Collector", StringComparison.Ordinal)).ShouldBe(1, collector.Output);
        OpenDeletedFiles(collector.Pid).ShouldBeEmpty();

        // Truncated under it: the stump is moved aside, a new store starts at the path
        await AfterACycleAsync(http, bed, collector);
        var truncatedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using (var file = new FileStream(bed.DatabasePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
        }
        await Poll.UntilAsync(() => bed.Stored("haproxy_server", "be", "srv1").Count(s => s.Ts > truncatedAt) >= 2, TimeSpan.FromSeconds(60),
            () => "two cycles after the truncation. Output:\n" + collector.Output);

        Directory.GetFiles(Path.GetDirectoryName(bed.DatabasePath)!, "collector.db.truncated-*").ShouldNotBeEmpty();
        collector.Lines.ShouldContain(l => l.Contains("was truncated from", StringComparison.Ordinal), collector.Output);
        Status(await StatusAsync(http, bed)).ShouldBe("ok");
        collector.Output.ShouldNotContain("   at ");
    }

    private static async Task AfterACycleAsync(HttpClient http, CollectorTestBed bed, DotnetProcess collector)
    {
        var before = SqliteSink(await StatusAsync(http, bed)).GetProperty("pointsWritten").GetInt64();
        await Poll.UntilAsync(async () => SqliteSink(await StatusAsync(http, bed)).GetProperty("pointsWritten").GetInt64() > before,
            TimeSpan.FromSeconds(60), () => "a cycle. Output:\n" + collector.Output, TimeSpan.FromMilliseconds(50));
    }

    private static async Task<string> StatusAsync(HttpClient http, CollectorTestBed bed)
    {
        using var response = await http.GetAsync($"http://127.0.0.1:{bed.HealthPort}/status");
        return await response.Content.ReadAsStringAsync();
    }

    private static string? Status(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("status").GetString();
    }

    private static JsonElement SqliteSink(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("sinks").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "sqlite").Clone();
    }

    private static List<string> OpenDeletedFiles(int pid) => Directory.GetFiles($"/proc/{pid}/fd")
        .Select(fd => { try { return new FileInfo(fd).LinkTarget ?? ""; } catch (IOException) { return ""; } })
        .Where(target => target.Contains("collector.db", StringComparison.Ordinal) && target.EndsWith("(deleted)", StringComparison.Ordinal))
        .ToList();
}
