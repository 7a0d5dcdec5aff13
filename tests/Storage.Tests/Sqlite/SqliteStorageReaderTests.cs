using Microsoft.Extensions.Time.Testing;
using HAProxy.Logs;
using Microsoft.Data.Sqlite;
using Storage.Events;
using Storage.Reading;
using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;
using TestSupport;

namespace Storage.Tests.Sqlite;

/// <summary>The SQLite reader over stores filled by the real writers (<see cref="SqliteSampleWriter"/>, <see cref="SqliteEventStore"/>).</summary>
public sealed class SqliteStorageReaderTests : IDisposable
{
    // A whole minute, so roll-up minutes line up with the samples written below.
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000 - 1_800_000_000_000 % 60_000);
    private readonly TempDirectory _dir = new("reader");

    private string CollectorDb => _dir.Combine("collector.db");

    private string AlerterDb => _dir.Combine("alerter.db");

    public void Dispose() => _dir.Dispose();

    private static Sample Server(string server, DateTimeOffset at, double sessionRate, long current, string status) => new(
        Measurements.Server,
        [new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, "be_web"), new(Measurements.ServerTag, server)],
        [new(ProxyFields.SessionsCurrent, FieldValue.Of(current)), new(ProxyFields.SessionRate, FieldValue.Of(sessionRate)),
         new(ProxyFields.Status, FieldValue.Of(status)), new(ProxyFields.SessionsPct, FieldValue.Of(2.0))],
        at);

    /// <summary>web1 every 10 s for 10 minutes (session_rate = minute index), web2 only for the first 3 minutes.</summary>
    private void WriteTenMinutes()
    {
        using var writer = new SqliteSampleWriter(CollectorDb);
        for (var i = 0; i < 60; i++)
        {
            var at = Start.AddSeconds(10 * i);
            var batch = new List<Sample> { Server("web1", at, i / 6, i, i < 59 ? "UP" : "DOWN") };
            if (i < 18)
            {
                batch.Add(Server("web2", at, 100, 7, "UP"));
            }
            writer.Write(batch);
        }
    }

    private SqliteStorageReader Reader(DateTimeOffset now) => new(CollectorDb, AlerterDb, new FakeTimeProvider(now)) { RawRetention = TimeSpan.FromHours(24) };

    [Fact]
    public async Task GetCatalogue_WrittenByTheWriter_NewestSampleOfEachSeriesWithTypedFields()
    {
        WriteTenMinutes();

        var catalogue = await Reader(Start.AddMinutes(10)).GetCatalogueAsync(new CatalogueQuery(), CancellationToken.None);

        catalogue.Rows.Count.ShouldBe(2);
        var web1 = catalogue.Rows.Single(r => r.Series.Server == "web1");
        web1.Series.ShouldBe(new SeriesId(Measurements.Server, "lb1", "be_web", "web1"));
        web1.Time.ShouldBe(Start.AddSeconds(590));
        web1.Text(ProxyFields.Status).ShouldBe("DOWN");
        web1.Fields[ProxyFields.SessionsCurrent].ShouldBe(FieldValue.Of(59L));
        web1.Fields[ProxyFields.SessionsPct].Type.ShouldBe(FieldValueType.Float, "a whole float stays a float: the schema says so");
        catalogue.Rows.Single(r => r.Series.Server == "web2").Time.ShouldBe(Start.AddSeconds(170));
    }

    [Fact]
    public async Task GetCatalogue_MaxAge_LeavesOutSeriesThatStoppedReporting()
    {
        WriteTenMinutes();

        var catalogue = await Reader(Start.AddMinutes(10)).GetCatalogueAsync(new CatalogueQuery(MaxAge: TimeSpan.FromMinutes(5)), CancellationToken.None);

        catalogue.Rows.ShouldHaveSingleItem().Series.Server.ShouldBe("web1");
    }

    [Fact]
    public async Task GetRange_ShortRange_RawSamplesPerStepWithGapsAsNull()
    {
        WriteTenMinutes();
        var web1 = new SeriesId(Measurements.Server, "lb1", "be_web", "web1");
        var web2 = new SeriesId(Measurements.Server, "lb1", "be_web", "web2");

        var range = await Reader(Start.AddMinutes(10)).GetRangeAsync(
            new RangeQuery([web1, web2], [ProxyFields.SessionsCurrent], Start, Start.AddMinutes(10), TimeSpan.FromSeconds(20)), CancellationToken.None);

        range.Resolution.ShouldBe(RangeResolution.Raw);
        range.Step.ShouldBe(TimeSpan.FromSeconds(20));
        range.TimesUnixMs.Count.ShouldBe(30);
        range.TimesUnixMs[1].ShouldBe(Start.AddSeconds(20).ToUnixTimeMilliseconds());
        var current = range.Series[0].Avg[ProxyFields.SessionsCurrent];
        current[0].ShouldBe(0.5, "samples 0 and 1 averaged");
        range.Series[0].Max[ProxyFields.SessionsCurrent][0].ShouldBe(1);
        current[29].ShouldBe(58.5);
        var second = range.Series[1].Avg[ProxyFields.SessionsCurrent];
        second[8].ShouldBe(7);
        second[9].ShouldBeNull("web2 stopped after 3 minutes: a gap, not a zero or an interpolation");
    }

    [Fact]
    public async Task GetRange_LongStep_ReadsTheMinuteRollups()
    {
        WriteTenMinutes();
        var web1 = new SeriesId(Measurements.Server, "lb1", "be_web", "web1");

        var range = await Reader(Start.AddMinutes(10)).GetRangeAsync(
            new RangeQuery([web1], [ProxyFields.SessionRate, ProxyFields.SessionsCurrent], Start, Start.AddMinutes(10), TimeSpan.FromMinutes(1)), CancellationToken.None);

        range.Resolution.ShouldBe(RangeResolution.Rollup1m);
        range.Step.ShouldBe(TimeSpan.FromMinutes(1));
        var rate = range.Series[0].Avg[ProxyFields.SessionRate];
        rate[0].ShouldBe(0);
        rate[3].ShouldBe(3);
        range.Series[0].Max[ProxyFields.SessionsCurrent][3].ShouldBe(23, "the minute's maximum of 18..23");
        range.Series[0].Avg[ProxyFields.SessionsCurrent][3].ShouldBe(20.5);
    }

    [Fact]
    public async Task GetRange_OlderThanRawRetention_ReadsRollupsEvenForAShortStep()
    {
        WriteTenMinutes();
        var web1 = new SeriesId(Measurements.Server, "lb1", "be_web", "web1");

        var range = await Reader(Start.AddDays(2)).GetRangeAsync(
            new RangeQuery([web1], [ProxyFields.SessionRate], Start, Start.AddMinutes(10), TimeSpan.FromSeconds(10)), CancellationToken.None);

        range.Resolution.ShouldBe(RangeResolution.Rollup1m);
    }

    [Theory]
    [InlineData(0, 10, "ends")]
    [InlineData(-40 * 24 * 60, 0, "at most 31 days")]
    public async Task GetRange_InvertedOrHugeRange_RefusedWithAPlainMessage(int fromMinutes, int toMinutes, string message)
    {
        var web1 = new SeriesId(Measurements.Server, "lb1", "be_web", "web1");
        var query = fromMinutes == 0
            ? new RangeQuery([web1], [ProxyFields.SessionRate], Start.AddMinutes(10), Start)
            : new RangeQuery([web1], [ProxyFields.SessionRate], Start.AddMinutes(fromMinutes), Start.AddMinutes(toMinutes));

        var error = await Should.ThrowAsync<StorageQueryException>(() => Reader(Start).GetRangeAsync(query, CancellationToken.None));

        error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task GetRange_VeryLongRangeWithTinyStep_StepWidenedToTheBound()
    {
        WriteTenMinutes();
        var web1 = new SeriesId(Measurements.Server, "lb1", "be_web", "web1");

        var range = await Reader(Start.AddDays(30)).GetRangeAsync(
            new RangeQuery([web1], [ProxyFields.SessionRate], Start, Start.AddDays(30), TimeSpan.FromSeconds(1)), CancellationToken.None);

        range.TimesUnixMs.Count.ShouldBeLessThanOrEqualTo(StorageLimits.MaxPoints);
        range.Series[0].Avg[ProxyFields.SessionRate][0].ShouldNotBeNull();
    }

    [Fact]
    public async Task GetSparklines_PerMinuteAveragesOfOneField()
    {
        WriteTenMinutes();

        var lines = await Reader(Start.AddMinutes(10)).GetSparklinesAsync(
            new SparklineQuery(Measurements.Server, ProxyFields.SessionRate, Start, Start.AddMinutes(10)), CancellationToken.None);

        lines.Count.ShouldBe(2);
        var web1 = lines.Single(l => l.Series.Server == "web1");
        web1.Values.Length.ShouldBe(10);
        web1.Values[4].ShouldBe(4);
        lines.Single(l => l.Series.Server == "web2").Values[5].ShouldBeNull();
    }

    [Fact]
    public async Task GetEvents_FiltersAndPagesNewestFirst()
    {
        WriteEvents(
            (Start.AddSeconds(1), "web1", LogEventKind.ServerDown),
            (Start.AddSeconds(2), "web2", LogEventKind.ServerDown),
            (Start.AddSeconds(3), "web1", LogEventKind.ServerUp),
            (Start.AddSeconds(4), "web1", LogEventKind.ServerEnteringMaintenance));
        var reader = Reader(Start.AddMinutes(1));

        var first = await reader.GetEventsAsync(new EventQuery(Start, Start.AddMinutes(1), Server: "web1", Limit: 2), CancellationToken.None);
        var second = await reader.GetEventsAsync(new EventQuery(Start, Start.AddMinutes(1), Server: "web1", Limit: 2, BeforeId: first.NextBeforeId), CancellationToken.None);
        var downs = await reader.GetEventsAsync(new EventQuery(Start, Start.AddMinutes(1), Kinds: ["ServerDown"]), CancellationToken.None);

        first.Events.Select(e => e.Kind).ShouldBe(["ServerEnteringMaintenance", "ServerUp"]);
        first.NextBeforeId.ShouldNotBeNull();
        second.Events.ShouldHaveSingleItem().Kind.ShouldBe("ServerDown");
        second.NextBeforeId.ShouldBeNull();
        downs.Events.Select(e => e.Server).ShouldBe(["web2", "web1"]);
        downs.Events[1].Message.ShouldBe("Server be_web/web1 is DOWN");
        downs.Events[1].Time.ShouldBe(Start.AddSeconds(1));
    }

    [Fact]
    public async Task Reads_NoStoreFilesYet_EmptyResults()
    {
        var reader = Reader(Start);

        (await reader.GetCatalogueAsync(new CatalogueQuery(), CancellationToken.None)).Rows.ShouldBeEmpty();
        (await reader.GetEventsAsync(new EventQuery(Start.AddHours(-1), Start), CancellationToken.None)).Events.ShouldBeEmpty();
        var range = await reader.GetRangeAsync(new RangeQuery([new SeriesId(Measurements.Server, "x", "y", "z")], [ProxyFields.SessionRate], Start.AddHours(-1), Start), CancellationToken.None);
        range.Series.ShouldHaveSingleItem().Avg[ProxyFields.SessionRate].ShouldAllBe(v => v == null);
        var health = await reader.GetHealthAsync(CancellationToken.None);
        health.Endpoints.ShouldBeEmpty();
        health.OutboxDepth.ShouldBeNull();
        File.Exists(CollectorDb).ShouldBeFalse("a reader never creates the store");
    }

    [Fact]
    public async Task Reads_FileCreatedButNoTablesYet_EmptyResultsNotAnError()
    {
        // What a reader sees in the moment between the Collector creating collector.db and creating its tables.
        using (var empty = new SqliteConnection($"Data Source={CollectorDb}"))
        {
            empty.Open();
            using var pragma = empty.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode = WAL";
            pragma.ExecuteNonQuery();
        }
        var reader = Reader(Start);

        (await reader.GetCatalogueAsync(new CatalogueQuery(), CancellationToken.None)).Rows.ShouldBeEmpty();
        (await reader.GetSparklinesAsync(new SparklineQuery(Measurements.Server, ProxyFields.SessionRate, Start.AddMinutes(-15), Start), CancellationToken.None)).ShouldBeEmpty();
        (await reader.GetHealthAsync(CancellationToken.None)).Endpoints.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reader_OpenTransactionWhileTheWriterWrites_WriterIsNotBlocked()
    {
        WriteTenMinutes();
        using var held = new SqliteConnection($"Data Source={CollectorDb};Mode=ReadOnly");
        held.Open();
        using var transaction = held.BeginTransaction();
        using (var read = held.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT count(*) FROM sample";
            read.ExecuteScalar().ShouldBe(78L);
        }

        using (var writer = new SqliteSampleWriter(CollectorDb))
        {
            writer.Write([Server("web1", Start.AddMinutes(11), 1, 1, "UP")]);
        }

        var catalogue = await Reader(Start.AddMinutes(11)).GetCatalogueAsync(new CatalogueQuery(), CancellationToken.None);
        catalogue.Rows.Single(r => r.Series.Server == "web1").Time.ShouldBe(Start.AddMinutes(11));
    }

    private void WriteEvents(params (DateTimeOffset At, string Server, LogEventKind Kind)[] events)
    {
        using var connection = new SqliteConnection($"Data Source={AlerterDb}");
        connection.Open();
        EventTable.Ensure(connection);
        using var transaction = connection.BeginTransaction();
        var rows = events.Select((e, i) => new EventRow($"k{i}", "lb1", new LogEvent
        {
            Kind = e.Kind,
            Proxy = "be_web",
            Server = e.Server,
            Timestamp = e.At,
            Message = $"Server be_web/{e.Server} is {(e.Kind == LogEventKind.ServerUp ? "UP" : "DOWN")}",
        }, e.At, "line", "haproxy.log")).ToList();
        new Storage.Sqlite.SqliteEventStore(connection, transaction).Append(rows).ShouldBe(events.Length);
        transaction.Commit();
    }
}
