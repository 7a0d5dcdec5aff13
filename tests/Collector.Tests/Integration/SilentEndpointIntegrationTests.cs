using Microsoft.Data.Sqlite;
using Storage.Sqlite;
using Collector.Sqlite;
using TestSupport;

namespace Collector.Tests.Integration;

[Trait("Category", "Integration")]
public class SilentEndpointIntegrationTests
{
    [Fact]
    public async Task Collector_OneEndpointNeverAnswers_OtherEndpointSampledInEveryCycle()
    {
        await using var bed = await CollectorTestBed.StartAsync();
        using var silent = new SilentSocket(bed.Directory.Combine("mute.sock"));
        var settings = bed.Settings();
        settings["Collector:Endpoints:1:Address"] = silent.Path;
        settings["Collector:Endpoints:1:Host"] = "mute";
        await bed.StartCollectorAsync(settings);

        await Poll.UntilAsync(() => bed.Stored("haproxy_process").Count >= 6, TimeSpan.FromSeconds(20), "six cycles");
        var status = await bed.GetStatusAsync("/health");
        await bed.StopCollectorAsync();

        var cycles = CycleTimes(bed.DatabasePath);
        var good = bed.Stored("haproxy_process").Select(s => s.Ts).ToArray();
        cycles.Length.ShouldBeGreaterThanOrEqualTo(6);
        for (var i = 0; i < cycles.Length; i++)
        {
            // one sample of the answering endpoint in every cycle, taken within that cycle
            var end = i + 1 < cycles.Length ? cycles[i + 1] : long.MaxValue;
            good.Count(ts => ts >= cycles[i] && ts < end).ShouldBe(1, $"cycle {cycles[i]}: cycles {string.Join(",", cycles)} good {string.Join(",", good)}");
        }
        good.Length.ShouldBe(cycles.Length);
        silent.Accepted.ShouldBeGreaterThan(0);
        status.ShouldContain("\"status\": \"degraded\"");
        status.ShouldContain("\"errorKind\": \"Timeout\"");
        status.ShouldContain("\"host\": \"mute\"");
    }

    private static long[] CycleTimes(string databasePath)
    {
        using var connection = new SqliteConnection(SqliteStore.ConnectionString(databasePath, readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ts FROM sample_view WHERE measurement = 'monitoring_collector' AND tags = '{}' ORDER BY ts";
        using var reader = command.ExecuteReader();
        var times = new List<long>();
        while (reader.Read())
        {
            times.Add(reader.GetInt64(0));
        }
        return times.ToArray();
    }
}
