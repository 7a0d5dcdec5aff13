using Collector.Polling;
using Collector.Tests.Rates;
using HAProxy.Sockets;

namespace Collector.Tests.Polling;

/// <summary>Connections by endpoint path: answering ones (counters grow per call), hung ones, failing ones.</summary>
internal sealed class FakeConnections : IStatsConnectionFactory
{
    public Dictionary<string, Func<StatsEndpoint, IStatsConnection>> ByPath { get; } = [];

    public IStatsConnection Create(StatsEndpoint endpoint) => ByPath[endpoint.Path!](endpoint);

    public sealed class Answering(StatsEndpoint endpoint, int pid = 100) : IStatsConnection
    {
        private long _calls;

        public StatsEndpoint Endpoint => endpoint;
        public ProcessIdentity? Process => new(pid, 0);
        public long ConnectionGeneration => 1;

        public Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default)
        {
            var n = Interlocked.Increment(ref _calls);
            return Task.FromResult(command == "show info"
                ? Snapshots.Info(pid, 100 + n)
                : Snapshots.Header + Snapshots.Row("be", "s1", 2, stot: n * 10));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Never answers and ignores cancellation, like a wedged peer behind a broken session.</summary>
    public sealed class Hung(StatsEndpoint endpoint) : IStatsConnection
    {
        public StatsEndpoint Endpoint => endpoint;
        public ProcessIdentity? Process => null;
        public long ConnectionGeneration => 1;

        public Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default) => new TaskCompletionSource<string>().Task;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public sealed class Failing(StatsEndpoint endpoint, StatsSocketError error) : IStatsConnection
    {
        public StatsEndpoint Endpoint => endpoint;
        public ProcessIdentity? Process => null;
        public long ConnectionGeneration => 0;

        public Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default) =>
            Task.FromException<string>(new StatsSocketException(endpoint, error, $"{error} on {endpoint}: do something about it"));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
