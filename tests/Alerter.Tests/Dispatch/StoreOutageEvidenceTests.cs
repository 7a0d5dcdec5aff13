using Alerter.Dispatch;
using Alerter.Policy;
using Alerter.Tests.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;
using TestSupport;

namespace Alerter.Tests.Dispatch;

/// <summary>The thin edge over a real collector.db written by Storage's own writer and read by its reader.</summary>
public sealed class StoreOutageEvidenceTests : IDisposable
{
    private readonly TempDirectory _dir = new("evidence");
    private readonly FakeTimeProvider _clock = new(Events.T0.AddSeconds(10));
    private readonly CapturingLoggerProvider _logs = new();

    private string Database => _dir.Combine("collector.db");

    private StoreOutageEvidence Source() => new(new SqliteStorageReader(Database, null, _clock), _clock, new LoggerFactory([_logs]).CreateLogger<StoreOutageEvidence>());

    private void Write(params (int SecondsAgo, long Active, long Web1Up)[] polls)
    {
        using var writer = new SqliteSampleWriter(Database);
        foreach (var (ago, active, up) in polls)
        {
            var at = _clock.GetUtcNow().AddSeconds(-ago);
            writer.Write([
                Sample(Measurements.Backend, at, null, (ProxyFields.ActiveServers, active)),
                Sample(Measurements.Server, at, "web1", (ProxyFields.Up, up)),
            ]);
        }
    }

    private static Sample Sample(string measurement, DateTimeOffset at, string? server, (string Name, long Value) field)
    {
        var tags = new List<KeyValuePair<string, string>> { new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, "app") };
        if (server is not null)
        {
            tags.Add(new(Measurements.ServerTag, server));
        }
        return new Sample(measurement, tags, [new(field.Name, FieldValue.Of(field.Value))], at);
    }

    private static PolicyEvent[] Outage() => [Events.Down("app", "web1", Events.T0, activeLeft: 0), Events.NoServer("app", Events.T0)];

    [Fact]
    public async Task ReadAsync_BackendEmptyInTheNewestTwoSamples_ConfirmsTheBackend()
    {
        Write((4, 1, 1), (3, 0, 1), (2, 0, 1));

        var evidence = await Source().ReadAsync(Outage(), _clock.GetUtcNow(), CancellationToken.None);

        evidence.BackendsEmpty.ShouldBe([new BackendKey("lb1", "app")]);
        evidence.ServersDown.ShouldBeEmpty(); // web1's up was 1 in both
    }

    [Fact]
    public async Task ReadAsync_OneEmptySample_ConfirmsNothing()
    {
        Write((4, 1, 1), (3, 1, 1), (2, 0, 0));

        (await Source().ReadAsync(Outage(), _clock.GetUtcNow(), CancellationToken.None)).ShouldBeSameAs(OutageEvidence.None);
    }

    [Fact]
    public async Task ReadAsync_ServerDownTwice_ConfirmsTheServer()
    {
        Write((4, 1, 1), (3, 1, 0), (2, 1, 0));

        var evidence = await Source().ReadAsync(Outage(), _clock.GetUtcNow(), CancellationToken.None);

        evidence.ServersDown.ShouldBe([new ServerKey("lb1", "app", "web1")]);
        evidence.BackendsEmpty.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_BrokenStore_NoEvidenceAndOneWarningAMinute()
    {
        File.WriteAllText(Database, new string('x', 8192)); // not an SQLite file
        var source = Source();

        (await source.ReadAsync(Outage(), _clock.GetUtcNow(), CancellationToken.None)).ShouldBeSameAs(OutageEvidence.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await source.ReadAsync(Outage(), _clock.GetUtcNow(), CancellationToken.None);

        _logs.Lines.Count(l => l.Contains("could not confirm held outages", StringComparison.Ordinal)).ShouldBe(1, _logs.All);
    }

    public void Dispose() => _dir.Dispose();
}
