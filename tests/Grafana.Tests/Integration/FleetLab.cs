using System.Globalization;
using TestSupport;

namespace Grafana.Tests.Integration;

/// <summary>
/// Real processes writing the data the dashboards read: HAProxy 2.6 (frontend fe_main to be_web {web1, web2} and
/// be_api {api1}, checks every 100 ms, rise 1 fall 1, state changes logged to a unix socket), a syslog sink writing
/// haproxy.log, traffic through the frontend, <c>collector.dll</c> polling the admin socket every second into
/// influxd 1.6.7, and <c>alerter.dll run</c> scanning haproxy.log every second and exporting haproxy_event to the
/// same influxd. All on loopback, in one temp directory; everything is stopped by PID on dispose, also on failure.
/// </summary>
public sealed class FleetLab : IAsyncDisposable
{
    public const string Host = "lb1";
    public const string Node = "node1";
    public const string Database = "haproxy";

    private readonly Dictionary<string, TestHttpBackend> _servers = [];
    private readonly TempDirectory _directory = new("gfl");
    private InfluxDbProcess? _influx;
    private SyslogFileSink? _sink;
    private HAProxyProcess? _haproxy;
    private TrafficLoop? _traffic;
    private DotnetProcess? _collector;
    private DotnetProcess? _alerter;

    private FleetLab()
    {
    }

    public InfluxDbProcess Influx => _influx!;

    public string AdminSocket => _directory.Combine("admin.sock");

    public string LogPath => _directory.Combine("haproxy.log");

    public static async Task<FleetLab> StartAsync()
    {
        var lab = new FleetLab();
        try
        {
            await lab.StartProcessesAsync();
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
        return lab;
    }

    private async Task StartProcessesAsync()
    {
        _influx = await InfluxDbProcess.StartWithDatabaseAsync(_directory.Combine("influx"), Database);

        var logSocket = _directory.Combine("log.sock");
        _sink = new SyslogFileSink(logSocket, LogPath);
        foreach (var name in new[] { "be_web/web1", "be_web/web2", "be_api/api1" })
        {
            _servers[name] = new TestHttpBackend();
        }
        var frontendPort = FreePort.Next();
        // maxconn on servers: sessions_limit exists only where a limit is configured. The frontend logs nothing:
        // the Alerter needs the state changes, which the backends log.
        var config = $$"""
            global
                log {{logSocket}} local0
                stats socket {{AdminSocket}} mode 600 level admin
                stats timeout 30s
            defaults
                mode http
                log global
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            frontend fe_main
                bind 127.0.0.1:{{frontendPort}}
                maxconn 500
                no log
                use_backend be_api if { path_beg /api }
                default_backend be_web
            backend be_web
                server web1 {{_servers["be_web/web1"].Address}} check inter 100ms rise 1 fall 1 maxconn 50
                server web2 {{_servers["be_web/web2"].Address}} check inter 100ms rise 1 fall 1 maxconn 50
            backend be_api
                server api1 {{_servers["be_api/api1"].Address}} check inter 100ms rise 1 fall 1 maxconn 50
            """;
        _haproxy = await HAProxyProcess.StartAsync(_directory.Path, config, AdminSocket);
        _traffic = new TrafficLoop(frontendPort, "/", "/api/items", "/missing");

        var collectorDirectory = _directory.Combine("collector");
        Directory.CreateDirectory(collectorDirectory);
        _collector = DotnetProcess.Start(Path.Combine(AppContext.BaseDirectory, "collector.dll"), DotnetProcess.SettingsArguments(new Dictionary<string, string?>
        {
            ["Collector:Endpoints:0:Address"] = AdminSocket,
            ["Collector:Endpoints:0:Host"] = Host,
            ["Collector:Interval"] = "00:00:01", // rates need two polls; a short interval makes them within seconds
            ["Collector:NodeName"] = Node,
            ["Collector:Sqlite:DataDirectory"] = Path.Combine(collectorDirectory, "data"),
            ["Collector:Health:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Collector:Influx:Url"] = _influx.Url,
            ["Collector:Influx:Database"] = Database,
            ["Collector:Influx:SpoolDirectory"] = Path.Combine(collectorDirectory, "spool"),
            ["Collector:Influx:RetryDelay"] = "00:00:00.200",
        }), collectorDirectory);

        var alerterDirectory = _directory.Combine("alerter");
        Directory.CreateDirectory(alerterDirectory);
        _alerter = DotnetProcess.Start(Path.Combine(AppContext.BaseDirectory, "alerter.dll"), ["run", .. DotnetProcess.SettingsArguments(new Dictionary<string, string?>
        {
            ["Store:DataDirectory"] = Path.Combine(alerterDirectory, "data"),
            ["Alerter:Logs:Sources:0:Path"] = LogPath,
            ["Alerter:Logs:Sources:0:Host"] = Host,
            ["Alerter:Logs:Sources:0:Start"] = "Beginning",
            ["Alerter:Logs:Interval"] = "00:00:01",
            ["Alerter:Influx:Url"] = _influx.Url,
            ["Alerter:Influx:Database"] = Database,
            ["Alerter:Influx:RetryDelay"] = "00:00:00.200",
            // alerter run refuses routes that reach nobody: mails to a port where nothing listens wait in the outbox.
            ["Alerter:Smtp:Host"] = "127.0.0.1",
            ["Alerter:Smtp:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerter:Smtp:Security"] = "None",
            ["Alerter:Smtp:From"] = "alerter@localhost",
            ["Alerter:Policy:Routes:0:Email:0"] = "noc@localhost",
        })], alerterDirectory);
    }

    /// <summary>Stops (or starts again) the HTTP listener behind a server: HAProxy's check fails (or passes) within ~100 ms.</summary>
    public TestHttpBackend Server(string backendSlashServer) => _servers[backendSlashServer];

    /// <summary>An admin command on HAProxy's stats socket (<c>set server be_web/web2 state maint</c>); returns its answer.</summary>
    public Task<string> AdminAsync(string command) => RawStatsSocket.SendAsync(AdminSocket, command);

    public int LogLines(string text) =>
        File.Exists(LogPath) ? _sink!.ReadAll().Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal)) : 0;

    public Task WaitForLogLinesAsync(string text, int count, TimeSpan timeout) =>
        Poll.UntilAsync(() => LogLines(text) >= count, timeout, () => $"{count} log lines with '{text}'; {Describe()}");

    /// <summary>Series of an InfluxQL statement on the lab's database; an empty list while the database is being created.</summary>
    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(string statement)
    {
        using var answer = await Influx.QueryAsync(statement, Database);
        return InfluxSeries.Parse(answer, statement);
    }

    /// <summary>The newest status the Collector stored for a server.</summary>
    public async Task<string?> LastStatusAsync(string backend, string server)
    {
        var series = await QueryAsync($"SELECT last(\"status\") FROM \"haproxy_server\" WHERE \"host\" = '{Host}' AND \"proxy\" = '{backend}' AND \"server\" = '{server}'");
        return series.SelectMany(s => s.Rows).Select(r => r["last"].GetString()).FirstOrDefault();
    }

    public Task WaitForStatusAsync(string backend, string server, string prefix, TimeSpan timeout) =>
        Poll.UntilAsync(async () => (await LastStatusAsync(backend, server))?.StartsWith(prefix, StringComparison.Ordinal) == true,
            timeout, () => $"the Collector to store {backend}/{server} as {prefix}; {Describe()}", TimeSpan.FromMilliseconds(200));

    /// <summary>
    /// Waits until the Collector stored a backend sample with <paramref name="active"/> active servers. Unlike a
    /// server's last status, this cannot be satisfied by a sample from an earlier outage of the same server.
    /// </summary>
    public Task WaitForActiveServersAsync(string backend, long active, TimeSpan timeout) =>
        Poll.UntilAsync(async () => (await QueryAsync($"SELECT last(\"active_servers\") FROM \"haproxy_backend\" WHERE \"host\" = '{Host}' AND \"proxy\" = '{backend}'"))
                .SelectMany(s => s.Rows).Any(r => r["last"].GetInt64() == active),
            timeout, () => $"the Collector to store {backend} with {active} active servers; {Describe()}", TimeSpan.FromMilliseconds(200));

    public string Describe() =>
        $"traffic answered {_traffic?.Answered}\ncollector ({(_collector?.HasExited == true ? "exited" : "running")}):\n{Tail(_collector)}\n" +
        $"alerter ({(_alerter?.HasExited == true ? "exited" : "running")}):\n{Tail(_alerter)}\nhaproxy:\n{_haproxy?.Output}\nlog:\n{(File.Exists(LogPath) ? _sink!.ReadAll() : "")}";

    private static string Tail(DotnetProcess? process) => process is null ? "" : string.Join('\n', process.Lines.TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        // Writers first (by PID), then what they read from and write to.
        if (_alerter is not null)
        {
            await _alerter.DisposeAsync();
        }
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
        if (_traffic is not null)
        {
            await _traffic.DisposeAsync();
        }
        if (_haproxy is not null)
        {
            await _haproxy.DisposeAsync();
        }
        foreach (var server in _servers.Values)
        {
            server.Dispose();
        }
        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
        if (_influx is not null)
        {
            await _influx.DisposeAsync();
        }
        _directory.Dispose();
    }
}
