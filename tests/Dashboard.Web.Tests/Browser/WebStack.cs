using System.Text.Json;
using Microsoft.Playwright;
using Dashboard.Web.Tests.Support;
using TestSupport;

namespace Dashboard.Web.Tests.Browser;

/// <summary>
/// The real stack on loopback in a temp dir: haproxy (frontend fe -> backend be, servers srv1 and srv2 checked every
/// 100 ms, logging to a syslog socket written to a file), HTTP traffic through it, the Collector (collector.dll,
/// polling every second into collector.db), the Alerter (alerter.dll, scanning the log every second into alerter.db;
/// its mail goes to a closed port, so its outbox and delivery error show in the health strip), and
/// <c>dashboard web</c> (dashboard.dll) over both stores. Every process is stopped by PID on dispose.
/// </summary>
public sealed class WebStack : IAsyncLifetime
{
    public const string Host = "lb1";
    public static readonly TimeSpan CollectorInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _traffic = new();
    private Task? _trafficLoop;
    private SyslogFileSink? _sink;

    public TempDirectory Directory { get; } = new("web-stack");

    public HAProxyProcess HAProxy { get; private set; } = null!;

    public TestHttpBackend Srv1 { get; } = new();

    public TestHttpBackend Srv2 { get; } = new();

    public DotnetProcess Collector { get; private set; } = null!;

    public DotnetProcess Alerter { get; private set; } = null!;

    public DotnetProcess Web { get; private set; } = null!;

    public string Url { get; private set; } = "";

    /// <summary>Debian's Chromium driven by Playwright (never a downloaded browser); one for all tests of the class.</summary>
    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    public int FrontendPort { get; } = FreePort.Next();

    public string Socket => Directory.Combine("admin.sock");

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var logSocket = Directory.Combine("log.sock");
        var logFile = Directory.Combine("haproxy.log");
        _sink = new SyslogFileSink(logSocket, logFile);
        HAProxy = await HAProxyProcess.StartAsync(Directory.Path, $"""
            global
                log {logSocket} local0
                stats socket {Socket} mode 600 level admin
                stats timeout 30s
            defaults
                mode http
                log global
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            frontend fe
                bind 127.0.0.1:{FrontendPort}
                default_backend be
            backend be
                server srv1 {Srv1.Address} check inter 100ms rise 1 fall 1
                server srv2 {Srv2.Address} check inter 100ms rise 1 fall 1

            """, Socket);
        _trafficLoop = Task.Run(() => TrafficAsync(_traffic.Token));

        var data = Directory.Combine("data");
        Collector = DotnetProcess.Start(Paths.Collector, DotnetProcess.SettingsArguments(new Dictionary<string, string?>
        {
            ["Collector:Endpoints:0:Address"] = Socket,
            ["Collector:Endpoints:0:Host"] = Host,
            ["Collector:Interval"] = CollectorInterval.ToString(),
            ["Collector:Sqlite:DataDirectory"] = Path.Combine(data, "collector"),
            ["Collector:Health:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), Directory.Path);
        Alerter = DotnetProcess.Start(Paths.Alerter, ["run", .. DotnetProcess.SettingsArguments(new Dictionary<string, string?>
        {
            ["Store:DataDirectory"] = Path.Combine(data, "alerter"),
            ["Alerter:Logs:Sources:0:Path"] = logFile,
            ["Alerter:Logs:Sources:0:Host"] = Host,
            ["Alerter:Logs:Sources:0:Start"] = "Beginning",
            ["Alerter:Logs:Interval"] = "00:00:01",
            ["Alerter:Smtp:Host"] = "127.0.0.1",
            ["Alerter:Smtp:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerter:Smtp:Security"] = "None",
            ["Alerter:Smtp:From"] = "alerter@localhost",
            ["Alerter:Policy:Routes:0:Email:0"] = "noc@localhost",
        })], Directory.Path);
        var port = FreePort.Next();
        Url = $"http://127.0.0.1:{port}";
        Web = DotnetProcess.Start(Paths.Dashboard,
        [
            "web", "--db", Path.Combine(data, "collector", "collector.db"), "--alerter-db", Path.Combine(data, "alerter", "alerter.db"),
            "--urls", Url, "--collector-interval", CollectorInterval.ToString(), "--Dashboard:LivePollInterval=00:00:00.250",
            "--Dashboard:LogScanInterval=00:00:01",
        ], Directory.Path);
        await Web.WaitForLineAsync(l => l.Contains("dashboard web: listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        // Ready when the Collector's samples of both servers, with traffic, read back through the page's API.
        using var http = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            var overview = JsonDocument.Parse(await http.GetStringAsync(Url + "/api/overview")).RootElement;
            return overview.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "server"
                && r.GetProperty("status").GetString() == "UP") == 2;
        }, TimeSpan.FromSeconds(90), () => $"no UP servers in the overview\ncollector:\n{Collector.Output}\nweb:\n{Web.Output}");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-dev-shm-usage"],
        });
    }

    private async Task TrafficAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FrontendPort}/"), Timeout = TimeSpan.FromSeconds(5) };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var _ = await http.GetAsync("/", cancellationToken);
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // A server going down mid-request: traffic goes on.
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        _traffic.Cancel();
        if (_trafficLoop is not null)
        {
            await _trafficLoop;
        }
        Web?.Dispose();
        Alerter?.Dispose();
        Collector?.Dispose();
        if (HAProxy is not null)
        {
            await HAProxy.DisposeAsync();
        }
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
        Srv1.Dispose();
        Srv2.Dispose();
        Directory.Dispose();
    }
}
