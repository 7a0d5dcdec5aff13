using Microsoft.Extensions.Time.Testing;
using Alerter.Delivery.Context;
using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;
using TestSupport;

namespace Alerter.Tests.Delivery.Context;

/// <summary>The email's traffic context read through the Storage reader from a store filled by the real writer.</summary>
public sealed class StoreAlertContextSourceTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000 - 1_800_000_000_000 % 60_000);
    private readonly TempDirectory _dir = new("ctx");

    public void Dispose() => _dir.Dispose();

    private static Sample Row(string measurement, string? server, DateTimeOffset at, long sessions, double rate, string status)
    {
        var tags = new List<KeyValuePair<string, string>> { new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, "be_web") };
        if (server is not null)
        {
            tags.Add(new(Measurements.ServerTag, server));
        }
        return new Sample(measurement, tags,
        [
            new(ContextFields.SessionsCurrent, FieldValue.Of(sessions)), new(ContextFields.SessionRate, FieldValue.Of(rate)),
            new(ContextFields.Http5xxRate, FieldValue.Of(rate / 10)), new(ContextFields.ResponseTimeMs, FieldValue.Of(sessions * 2)),
            new(ProxyFields.Status, FieldValue.Of(status)),
        ], at);
    }

    [Fact]
    public async Task GetAsync_StoreWrittenByTheCollectorsWriter_NumbersAtTheAlertAreTheStoredSample()
    {
        var db = _dir.Combine("collector.db");
        using (var writer = new SqliteSampleWriter(db))
        {
            for (var i = 0; i < 180; i++) // 30 minutes at 10 s; web2 goes DOWN at sample 170
            {
                var at = Start.AddSeconds(10 * i);
                writer.Write(
                [
                    Row(Measurements.Server, "web1", at, 10 + i, 1.5 * i, "UP"),
                    Row(Measurements.Server, "web2", at, 100 + i, 3.25, i >= 170 ? "DOWN" : "UP"),
                    Row(Measurements.Backend, null, at, 110 + 2 * i, 4.75 + 1.5 * i, "UP"),
                ]);
            }
        }
        var alertAt = Start.AddSeconds(1700);
        var source = new StoreAlertContextSource(new SqliteStorageReader(db, time: new FakeTimeProvider(Start.AddSeconds(1795))));

        var context = (await source.GetAsync(new AlertContextRequest("lb1", "be_web", "web2", alertAt, AlertContextRequest.DefaultWindow), CancellationToken.None))
            .ShouldNotBeNull();

        context.Server.ShouldNotBeNull().ValueAtAlert(ContextFields.SessionsCurrent).ShouldBe(270, "web2's sample at the transition");
        context.Server.ValueAtAlert(ContextFields.ResponseTimeMs).ShouldBe(540);
        context.Backend.ValueAtAlert(ContextFields.SessionRate).ShouldBe(4.75 + 1.5 * 170);
        context.Server.Field(ContextFields.SessionRate).ShouldNotBeNull().Values.Count(v => v is not null).ShouldBeGreaterThan(100, "30 minutes of history");
        context.BackendServers.Select(s => (s.Server, s.Status)).ShouldBe([("web1", "UP"), ("web2", "DOWN")]);
        context.ServersAsOf.ShouldBe(Start.AddSeconds(1790));
    }

    [Fact]
    public async Task GetAsync_NoStoreYet_NullSoTheEmailSaysContextIsUnavailable()
    {
        var source = new StoreAlertContextSource(new SqliteStorageReader(_dir.Combine("missing.db")));

        var context = await source.GetAsync(new AlertContextRequest("lb1", "be_web", "web2", Start, AlertContextRequest.DefaultWindow), CancellationToken.None);

        context.ShouldBeNull();
    }
}
