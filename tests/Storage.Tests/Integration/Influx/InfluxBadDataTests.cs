using Storage.Samples;
using TestSupport;

namespace Storage.Tests.Integration.Influx;

[Trait("Category", "Integration")]
public class InfluxBadDataTests
{
    [Fact]
    public async Task Write_FieldTypeConflictInBatch_PartialWriteStoresRestCountsRejectedAndNamesIt()
    {
        using var dir = new TempDirectory("ifx");
        await using var influx = await InfluxDbProcess.StartAsync(dir.Path);
        await using var host = await InfluxSinkHost.StartAsync(InfluxSinkHost.V1Settings(influx, dir));
        Sample Point(int i, FieldValue value) => new("haproxy_server", [KeyValuePair.Create("server", $"s{i}")],
            [KeyValuePair.Create("weight", value)], TestPoints.Start.AddSeconds(i));

        await host.Sink.WriteAsync([Point(0, FieldValue.Of(1L))], CancellationToken.None);
        await host.WaitUntilAsync(s => s.PointsWritten == 1, TimeSpan.FromSeconds(30), "first point");
        // `weight` is an integer in InfluxDB now; a string for it is bad data that no retry can fix.
        await host.Sink.WriteAsync([Point(1, FieldValue.Of(2L)), Point(2, FieldValue.Of("heavy")), Point(3, FieldValue.Of(3L))], CancellationToken.None);
        await host.WaitUntilAsync(s => s.SpooledPoints == 0 && s.DroppedPoints == 1, TimeSpan.FromSeconds(30), "the partial write");

        var status = host.Status;
        status.PointsWritten.ShouldBe(3);
        status.LastError.ShouldNotBeNull().ShouldContain("field type conflict");
        (await influx.CountAsync("haproxy", "haproxy_server", "weight")).ShouldBe(3);
        host.Logs.All.ShouldContain("InfluxDB rejected 1 of 3 points as bad data (400)");
        host.Logs.All.ShouldContain("partial write: field type conflict");

        // The sink goes on: the next batch is stored and clears the error.
        await host.Sink.WriteAsync([Point(4, FieldValue.Of(4L))], CancellationToken.None);
        await host.WaitUntilAsync(s => s.PointsWritten == 4, TimeSpan.FromSeconds(30), "next batch");
        host.Status.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Write_DatabaseMissing_CreatedAndPointsStored()
    {
        using var dir = new TempDirectory("ifx");
        await using var influx = await InfluxDbProcess.StartAsync(dir.Path);
        await using var host = await InfluxSinkHost.StartAsync(new Dictionary<string, string?>
        {
            ["Collector:Influx:Url"] = influx.Url,
            ["Collector:Influx:Database"] = "fresh db",
            ["Collector:Influx:SpoolDirectory"] = dir.Combine("spool"),
        });
        await host.Sink.WriteAsync(TestPoints.Cycle(0), CancellationToken.None);
        await host.WaitUntilAsync(s => s.PointsWritten == 10, TimeSpan.FromSeconds(30), "write after CREATE DATABASE");
        (await influx.CountAsync("fresh db", "haproxy_server", "seq")).ShouldBe(10);
        host.Logs.All.ShouldContain("did not exist; created it");
    }
}
