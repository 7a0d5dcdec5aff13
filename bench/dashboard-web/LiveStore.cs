using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;

namespace Dashboard.Web.Benchmarks;

/// <summary>
/// A collector.db of <c>servers</c> servers (100 per backend) written by the real writer at the real time: a few polls
/// to start with, then one poll every <see cref="Interval"/> in the background, as a Collector would. Every 50th server
/// flips between UP and DOWN each poll, so the live diff always carries changes.
/// </summary>
public sealed class LiveStore : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly SqliteSampleWriter _writer;
    private readonly int _servers;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _cycle;

    public LiveStore(string directory, int servers)
    {
        Directory = directory;
        _servers = servers;
        _writer = new SqliteSampleWriter(DatabasePath);
        for (var i = 0; i < 3; i++)
        {
            Write(DateTimeOffset.UtcNow - Interval * (3 - i));
        }
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "collector.db");

    public void StartLive() => _loop = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            Write(DateTimeOffset.UtcNow);
        }
    });

    private void Write(DateTimeOffset at)
    {
        var cycle = _cycle++;
        var batch = new List<Sample>(_servers + _servers / 100);
        for (var b = 0; b * 100 < _servers; b++)
        {
            batch.Add(Row(Measurements.Backend, $"be_{b}", null, "UP", cycle, b, at));
        }
        for (var s = 0; s < _servers; s++)
        {
            var status = s % 50 == 0 && cycle % 2 == 1 ? "DOWN" : "UP";
            batch.Add(Row(Measurements.Server, $"be_{s / 100}", $"srv_{s}", status, cycle, s, at));
        }
        _writer.Write(batch);
    }

    private static Sample Row(string measurement, string proxy, string? server, string status, int cycle, int i, DateTimeOffset at)
    {
        var wave = Math.Sin((cycle + i) / 5.0);
        var rate = 20 + 10 * wave;
        var tags = new List<KeyValuePair<string, string>> { new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, proxy) };
        if (server is not null)
        {
            tags.Add(new(Measurements.ServerTag, server));
        }
        return new Sample(measurement, tags,
        [
            new(ProxyFields.Status, FieldValue.Of(status)), new(ProxyFields.Up, FieldValue.Of(status == "UP" ? 1L : 0L)),
            new(ProxyFields.CheckStatus, FieldValue.Of(status == "UP" ? "L7OK" : "L4CON")), new(ProxyFields.Weight, FieldValue.Of(1L)),
            new(ProxyFields.SessionsCurrent, FieldValue.Of((long)(50 + 40 * wave))), new(ProxyFields.SessionsLimit, FieldValue.Of(1000L)),
            new(ProxyFields.SessionsPct, FieldValue.Of((50 + 40 * wave) / 10)), new(ProxyFields.SessionRate, FieldValue.Of(rate)),
            new(ProxyFields.RequestRate, FieldValue.Of(rate)), new(ProxyFields.BytesInRate, FieldValue.Of(rate * 450)),
            new(ProxyFields.BytesOutRate, FieldValue.Of(rate * 4500)), new(ProxyFields.Http5xxRate, FieldValue.Of(rate * 0.01)),
            new(ProxyFields.QueueCurrent, FieldValue.Of(0L)), new(ProxyFields.ResponseTimeMs, FieldValue.Of((long)(5 + 3 * wave))),
        ], at);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _writer.Dispose();
    }
}
