using Microsoft.Extensions.Time.Testing;
using Storage.Influx;
using Storage.Influx.Reading;
using Storage.Reading;
using Storage.Samples;
using Storage.Schema;
using TestSupport;

namespace Storage.Tests.Integration.Influx;

/// <summary>The InfluxQL reader against a real influxd 1.6.7 filled by the real sink (encoder, spool, sender).</summary>
[Trait("Category", "Integration")]
public sealed class InfluxStorageReaderTests
{
    // Whole minutes: the buckets of GROUP BY time() start at epoch multiples of the step, as the SQLite reader's do.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000 - 1_800_000_000_000 % 60_000);

    // A name no HAProxy allows but a hostile configuration or setting could carry: it must stay one value.
    private const string Hostile = "we'b\" OR 1=1 /^.*$/";

    private static Sample Server(string server, DateTimeOffset at, long current, string status) => new(
        Measurements.Server,
        [new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, "be_web"), new(Measurements.ServerTag, server)],
        [new(ProxyFields.SessionsCurrent, FieldValue.Of(current)), new(ProxyFields.SessionRate, FieldValue.Of(current / 2.0)), new(ProxyFields.Status, FieldValue.Of(status))],
        at);

    private static Sample Event(string server, DateTimeOffset at, string kind, string message) => new(
        Measurements.Event,
        [new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, "be_web"), new(Measurements.ServerTag, server),
         new(Measurements.KindTag, kind), new(Measurements.SeverityTag, kind == "ServerDown" ? "warning" : "recovery")],
        [new(EventFields.Message, FieldValue.Of(message)), new(EventFields.ActiveLeft, FieldValue.Of(1L))],
        at);

    [Fact]
    public async Task Reader_DataWrittenByTheSink_SameAnswersAsTheSqliteReaderGives()
    {
        using var dir = new TempDirectory("ifr");
        await using var influx = await InfluxDbProcess.StartAsync(dir.Path);
        var settings = InfluxSinkHost.V1Settings(influx, dir);
        settings["Collector:Influx:Precision"] = "Microseconds";
        await using (var host = await InfluxSinkHost.StartAsync(settings))
        {
            var samples = new List<Sample>();
            for (var i = 0; i < 30; i++)
            {
                samples.Add(Server("web1", Start.AddSeconds(10 * i), i, i < 29 ? "UP" : "DOWN"));
                samples.Add(Server(Hostile, Start.AddSeconds(10 * i), 100 + i, "UP"));
            }
            samples.Add(Event("web1", Start.AddSeconds(285), "ServerDown", "Server be_web/web1 is DOWN"));
            samples.Add(Event("web1", Start.AddSeconds(100), "ServerUp", "Server be_web/web1 is UP"));
            samples.Add(Event(Hostile, Start.AddSeconds(50), "ServerDown", "Server be_web/x is DOWN"));
            await host.Sink.WriteAsync(samples, CancellationToken.None);
            await host.WaitUntilAsync(s => s.PointsWritten == samples.Count, TimeSpan.FromSeconds(30), "write of the points");
        }
        var options = new InfluxOptions { Url = influx.Url, Database = settings["Collector:Influx:Database"], Timeout = TimeSpan.FromSeconds(10) };
        using var client = new InfluxQueryClient(options, InfluxCredentials.From(options), "Dashboard:Influx");
        var reader = new InfluxStorageReader(client, new FakeTimeProvider(Start.AddMinutes(5))) { CatalogueWindow = TimeSpan.FromHours(1) };

        var catalogue = await reader.GetCatalogueAsync(new CatalogueQuery(), CancellationToken.None);
        var web1 = catalogue.Rows.Single(r => r.Series.Server == "web1");
        web1.Time.ShouldBe(Start.AddSeconds(290));
        web1.Text(ProxyFields.Status).ShouldBe("DOWN");
        web1.Fields[ProxyFields.SessionsCurrent].ShouldBe(FieldValue.Of(29L));
        catalogue.Rows.Single(r => r.Series.Server == Hostile).Number(ProxyFields.SessionsCurrent).ShouldBe(129);

        var range = await reader.GetRangeAsync(new RangeQuery(
            [new SeriesId(Measurements.Server, "lb1", "be_web", "web1"), new SeriesId(Measurements.Server, "lb1", "be_web", Hostile)],
            [ProxyFields.SessionsCurrent], Start, Start.AddMinutes(6), TimeSpan.FromMinutes(1)), CancellationToken.None);
        range.Step.ShouldBe(TimeSpan.FromMinutes(1));
        range.TimesUnixMs[0].ShouldBe(Start.ToUnixTimeMilliseconds());
        range.Series[0].Avg[ProxyFields.SessionsCurrent][1].ShouldBe(8.5, "samples 6..11 of the second minute");
        range.Series[0].Max[ProxyFields.SessionsCurrent][1].ShouldBe(11);
        range.Series[0].Avg[ProxyFields.SessionsCurrent][5].ShouldBeNull("nothing was written in the sixth minute: a gap");
        range.Series[1].Avg[ProxyFields.SessionsCurrent][0].ShouldBe(102.5, "the hostile name is one exact tag value, not a pattern");

        var downs = await reader.GetEventsAsync(new EventQuery(Start, Start.AddMinutes(10), Kinds: ["ServerDown"]), CancellationToken.None);
        downs.Events.Select(e => e.Server).ShouldBe(["web1", Hostile]);
        downs.Events[0].Message.ShouldBe("Server be_web/web1 is DOWN");
        downs.Events[0].Severity.ShouldBe("warning");
        downs.Events[0].ActiveLeft.ShouldBe(1);
        var page = await reader.GetEventsAsync(new EventQuery(Start, Start.AddMinutes(10), Server: "web1", Limit: 1), CancellationToken.None);
        page.Events.ShouldHaveSingleItem().Kind.ShouldBe("ServerDown");
        var next = await reader.GetEventsAsync(new EventQuery(Start, Start.AddMinutes(10), Server: "web1", Limit: 1, BeforeId: page.NextBeforeId), CancellationToken.None);
        next.Events.ShouldHaveSingleItem().Kind.ShouldBe("ServerUp");

        var lines = await reader.GetSparklinesAsync(new SparklineQuery(Measurements.Server, ProxyFields.SessionRate, Start, Start.AddMinutes(5)), CancellationToken.None);
        lines.Single(l => l.Series.Server == "web1").Values[0].ShouldBe(1.25);
    }

    [Fact]
    public async Task Query_UnreachableServer_SaysWhatToCheck()
    {
        var options = new InfluxOptions { Url = $"http://127.0.0.1:{FreePort.Next()}", Database = "haproxy", Timeout = TimeSpan.FromSeconds(5) };
        using var client = new InfluxQueryClient(options, InfluxCredentials.From(options), "Dashboard:Influx");

        var error = await Should.ThrowAsync<InfluxQueryException>(() => new InfluxStorageReader(client).GetCatalogueAsync(new CatalogueQuery(), CancellationToken.None));

        error.Message.ShouldContain("cannot be reached");
        error.Message.ShouldContain("Dashboard:Influx:Url");
    }
}
