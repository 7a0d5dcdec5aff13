using System.Globalization;

namespace Dashboard.Web.Benchmarks;

/// <summary>
/// <c>clients</c> event streams open on <c>dashboard web</c> (a child process over a 10-server store polled every
/// 2 s), each read to the end; the page's CPU over <c>seconds</c> and its RSS. The per-client cap is raised for the
/// run, since every stream comes from 127.0.0.1.
/// </summary>
public static class StreamsBench
{
    public static async Task<int> RunAsync(int clients, int seconds)
    {
        var dir = Directory.CreateTempSubdirectory("web-streams-").FullName;
        try
        {
            await using var store = new LiveStore(dir, 10);
            var port = Processes.FreePort();
            using var web = Processes.StartDashboard(store.DatabasePath, port, null, $"--Dashboard:Stream:MaxStreamsPerClient={clients}");
            try
            {
                var url = $"http://127.0.0.1:{port}";
                await Processes.WaitForHttpAsync(url);
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 10 }) { Timeout = Timeout.InfiniteTimeSpan };
                using var stop = new CancellationTokenSource();
                long bytes = 0;
                var refused = 0;
                var readers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
                {
                    try
                    {
                        using var response = await http.GetAsync(url + "/api/stream", HttpCompletionOption.ResponseHeadersRead, stop.Token);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref refused);
                            return;
                        }
                        await using var stream = await response.Content.ReadAsStreamAsync(stop.Token);
                        var buffer = new byte[16 * 1024];
                        int read;
                        while ((read = await stream.ReadAsync(buffer, stop.Token)) > 0)
                        {
                            Interlocked.Add(ref bytes, read);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                    }
                })).ToList();
                store.StartLive();
                await Task.Delay(TimeSpan.FromSeconds(6));
                var before = Processes.CpuSeconds(web.Id);
                var startBytes = Interlocked.Read(ref bytes);
                var wall = System.Diagnostics.Stopwatch.StartNew();
                long maxRss = 0;
                while (wall.Elapsed < TimeSpan.FromSeconds(seconds))
                {
                    maxRss = Math.Max(maxRss, Processes.RssBytes(web.Id));
                    await Task.Delay(500);
                }
                var cpu = Processes.CpuSeconds(web.Id) - before;
                var received = Interlocked.Read(ref bytes) - startBytes;
                stop.Cancel();
                await Task.WhenAll(readers);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {clients} event streams, 10 servers polled every 2 s | CPU {100 * cpu / wall.Elapsed.TotalSeconds:0.00}% of one core; RSS {maxRss / 1048576.0:0} MiB max; {received / wall.Elapsed.TotalSeconds / 1024:0} KiB/s to the clients; {refused} refused over {wall.Elapsed.TotalSeconds:0} s |"));
            }
            finally
            {
                web.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }
}
