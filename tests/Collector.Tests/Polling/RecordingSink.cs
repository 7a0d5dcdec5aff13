using Storage.Samples;

namespace Collector.Tests.Polling;

/// <summary>A sink that keeps every batch, or throws when told to (an unreachable backend misreported as an exception).</summary>
internal sealed class RecordingSink(string name, bool throws = false) : ISampleSink
{
    public List<IReadOnlyList<Sample>> Batches { get; } = [];

    public string Name => name;

    public Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        if (throws)
        {
            throw new HttpRequestException("401 Unauthorized: wrong credentials");
        }
        lock (Batches)
        {
            Batches.Add(samples);
        }
        return Task.CompletedTask;
    }

    public SinkStatus GetStatus() => new(name, Batches.Sum(b => b.Count), throws ? 42 : 0, 0, 0, null, throws ? "401 Unauthorized: wrong credentials" : null);
}
