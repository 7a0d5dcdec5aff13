using TestSupport;

namespace HAProxy.Tests.Integration.Sockets;

/// <summary>
/// A real haproxy with two HTTP backends checked every 200 ms and four stats sockets: admin (unix), operator
/// (unix), user (unix) and admin over TCP. Everything is stopped and deleted on dispose.
/// </summary>
public sealed class HAProxyTestBed : IAsyncDisposable
{
    private HAProxyTestBed(TempDirectory directory, TestHttpBackend backend1, TestHttpBackend backend2, int frontendPort, int statsPort)
    {
        TcpListenPort = FreePort.Next();
        Directory = directory;
        Backend1 = backend1;
        Backend2 = backend2;
        FrontendPort = frontendPort;
        StatsPort = statsPort;
    }

    public TempDirectory Directory { get; }

    public HAProxyProcess HAProxy { get; private set; } = null!;

    public TestHttpBackend Backend1 { get; }

    public TestHttpBackend Backend2 { get; }

    public int FrontendPort { get; }

    public int StatsPort { get; }

    /// <summary>A <c>mode tcp</c> listen section (<c>tcpx</c>, server <c>t1</c> = backend 1) whose sessions stay open.</summary>
    public int TcpListenPort { get; }

    public string AdminSocket => Directory.Combine("admin.sock");

    public string OperatorSocket => Directory.Combine("oper.sock");

    public string UserSocket => Directory.Combine("user.sock");

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after 10 s.</summary>
    public static Task WaitUntilAsync(Func<Task<bool>> condition, string what)
        => Poll.UntilAsync(condition, TimeSpan.FromSeconds(10), what, TimeSpan.FromMilliseconds(50));

    public static async Task<HAProxyTestBed> StartAsync()
    {
        var directory = new TempDirectory("hs");
        var bed = new HAProxyTestBed(directory, new TestHttpBackend(), new TestHttpBackend(), FreePort.Next(), FreePort.Next());
        try
        {
            bed.HAProxy = await HAProxyProcess.StartAsync(directory.Path, bed.Config(), bed.AdminSocket);
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
        return bed;
    }

    private string Config() => $"""
        global
            stats socket {AdminSocket} mode 600 level admin
            stats socket {OperatorSocket} mode 600 level operator
            stats socket {UserSocket} mode 600 level user
            stats socket ipv4@127.0.0.1:{StatsPort} level admin
            stats timeout 10s

        defaults
            mode http
            timeout connect 1s
            timeout client 5s
            timeout server 5s

        frontend fe
            bind 127.0.0.1:{FrontendPort}
            default_backend be

        backend be
            server srv1 {Backend1.Address} weight 10 check inter 200ms rise 1 fall 1
            server srv2 {Backend2.Address} check inter 200ms rise 1 fall 1

        listen tcpx
            mode tcp
            bind 127.0.0.1:{TcpListenPort}
            server t1 {Backend1.Address} check inter 200ms

        """;

    /// <summary>Sends <paramref name="count"/> HTTP requests through the frontend so counters move.</summary>
    public async Task SendRequestsAsync(int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FrontendPort}/") };
        for (var i = 0; i < count; i++)
        {
            using var response = await http.GetAsync("/");
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (HAProxy is not null)
        {
            await HAProxy.DisposeAsync();
        }
        Backend1.Dispose();
        Backend2.Dispose();
        Directory.Dispose();
    }
}
