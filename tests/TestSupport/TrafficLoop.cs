namespace TestSupport;

/// <summary>
/// Steady requests through an HAProxy frontend, alternating the given paths (default <c>/</c>), so every rate the
/// Collector stores is real. <see cref="Answered"/> counts every answer (a 503 while a backend has no server is traffic
/// too), <see cref="Succeeded"/> the 2xx ones; a refused connection or a timeout (HAProxy reloading or stopped, a loaded
/// machine) is simply not counted.
/// </summary>
public sealed class TrafficLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _answered;
    private long _succeeded;

    public TrafficLoop(int frontendPort, params string[] paths)
    {
        string[] cycle = paths.Length == 0 ? ["/"] : paths;
        _loop = Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{frontendPort}/"), Timeout = TimeSpan.FromSeconds(5) };
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await http.GetAsync(cycle[i % cycle.Length], _stop.Token);
                    Interlocked.Increment(ref _answered);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref _succeeded);
                    }
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // not answered: simply not counted
                }
                await Task.Delay(10, CancellationToken.None);
            }
        });
    }

    public long Answered => Interlocked.Read(ref _answered);

    public long Succeeded => Interlocked.Read(ref _succeeded);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
