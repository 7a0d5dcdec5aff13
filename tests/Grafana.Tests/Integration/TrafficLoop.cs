namespace Grafana.Tests.Integration;

/// <summary>
/// Steady requests through HAProxy's frontend, alternating the given paths, so every rate the Collector stores is
/// real. Any answer counts (503 while a backend has no server is traffic too); refused connections are not counted.
/// </summary>
public sealed class TrafficLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _answered;

    public TrafficLoop(int frontendPort, params string[] paths)
    {
        _loop = Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{frontendPort}/"), Timeout = TimeSpan.FromSeconds(5) };
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await http.GetAsync(paths[i % paths.Length], _stop.Token);
                    Interlocked.Increment(ref _answered);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // not answered (timeout on a loaded machine): simply not counted
                }
                await Task.Delay(10, CancellationToken.None);
            }
        });
    }

    public long Answered => Interlocked.Read(ref _answered);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
