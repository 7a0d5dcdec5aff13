using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Dashboard.Web.Security;

namespace Dashboard.Web.Benchmarks;

/// <summary>
/// Password guessing against <c>dashboard web</c> (a child process, basic auth with the default PBKDF2 cost):
/// <c>wrong</c> wrong passwords at <c>concurrency</c> from 127.0.0.1, while a colleague with the right password
/// reads /api/health from 127.0.0.2 every 20 ms. Reports the page's CPU seconds over the guessing, the guesser's
/// 401s and 429s, and the colleague's p50/p95/max.
/// </summary>
public static class GuessBench
{
    /// <param name="attemptsPerMinute">Dashboard:Auth:AttemptsPerMinute; 0 keeps the default (6). A huge value shows the cost without the throttle.</param>
    public static async Task<int> RunAsync(int wrong, int concurrency, int attemptsPerMinute)
    {
        var dir = Directory.CreateTempSubdirectory("web-guess-").FullName;
        try
        {
            await using var store = new LiveStore(dir, 10);
            var port = Processes.FreePort();
            const string password = "the right one";
            var hash = PasswordHash.Create(password);
            using var web = Processes.StartDashboard(store.DatabasePath, port,
                new Dictionary<string, string> { ["MONITORING__Dashboard__Auth__User"] = "noc", ["MONITORING__Dashboard__Auth__PasswordHash"] = hash },
                attemptsPerMinute > 0 ? [$"--Dashboard:Auth:AttemptsPerMinute={attemptsPerMinute}"] : []);
            try
            {
                var url = $"http://127.0.0.1:{port}";
                var good = Basic("noc", password);
                await Processes.WaitForHttpAsync(url, good);
                using var guesser = From(IPAddress.Parse("127.0.0.1"));
                using var colleague = From(IPAddress.Parse("127.0.0.2"));
                colleague.DefaultRequestHeaders.Authorization = good;
                (await colleague.GetAsync(url + "/api/health")).EnsureSuccessStatusCode(); // its header verified and cached
                var before = Processes.CpuSeconds(web.Id);
                var wall = Stopwatch.StartNew();
                using var stop = new CancellationTokenSource();
                var times = new List<double>();
                var reader = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var watch = Stopwatch.StartNew();
                        using var response = await colleague.GetAsync(url + "/api/health");
                        await response.Content.ReadAsByteArrayAsync();
                        response.EnsureSuccessStatusCode();
                        times.Add(watch.Elapsed.TotalMilliseconds);
                        await Task.Delay(20);
                    }
                });
                var next = -1;
                var statuses = new int[600];
                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
                {
                    while (Interlocked.Increment(ref next) is var i && i < wrong)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, url + "/api/overview");
                        request.Headers.Authorization = Basic("noc", $"guess-{i}");
                        using var response = await guesser.SendAsync(request);
                        Interlocked.Increment(ref statuses[(int)response.StatusCode]);
                    }
                })));
                var guessing = wall.Elapsed;
                var cpu = Processes.CpuSeconds(web.Id) - before;
                stop.Cancel();
                await reader;
                var sorted = times.OrderBy(t => t).ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {wrong} wrong passwords at concurrency {concurrency} from 127.0.0.1, AttemptsPerMinute {(attemptsPerMinute > 0 ? attemptsPerMinute : 6)} | {guessing.TotalSeconds:0.0} s; dashboard CPU {cpu:0.00} s; 401: {statuses[401]}, 429: {statuses[429]}, other: {wrong - statuses[401] - statuses[429]} |"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| meanwhile GET /api/health from 127.0.0.2 with the right password ({sorted.Length} requests) | p50 {sorted[sorted.Length / 2]:0.0} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:0.0} ms, max {sorted[^1]:0.0} ms |"));
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

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static HttpClient From(IPAddress source) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { Timeout = TimeSpan.FromSeconds(60) };
}
