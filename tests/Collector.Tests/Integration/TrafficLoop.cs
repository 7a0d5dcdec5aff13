namespace Collector.Tests.Integration;

/// <summary>Steady background requests through the frontend; failures (haproxy stopped) are counted apart.</summary>
internal sealed class TrafficLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _succeeded;

    public TrafficLoop(int frontendPort)
    {
        _loop = Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{frontendPort}/"), Timeout = TimeSpan.FromSeconds(2) };
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await http.GetAsync("/", _stop.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref _succeeded);
                    }
                }
                catch (Exception) when (!_stop.IsCancellationRequested)
                {
                    // haproxy is being reloaded or restarted: the request is simply not counted
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                await Task.Delay(20, CancellationToken.None);
            }
        });
    }

    public long Succeeded => Interlocked.Read(ref _succeeded);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
