using Alerter.Tests.Integration.Sending;
using Alerter.Tests.Support;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// The whole chain on real processes: HAProxy 2.6 checking <see cref="TestHttpBackend"/> servers every 100 ms
/// (rise 1 fall 1) and logging to a unix socket (one <c>log</c> line, or Debian's two: <see cref="LabLogTargets"/>),
/// a log pipeline (<see cref="ILabLogPipeline"/>: <see cref="SyslogFileSink"/> by default, or Debian's rsyslogd)
/// writing the log, <c>alerter run</c> as a child process reading it (from the beginning, default 5 s interval),
/// aiosmtpd with STARTTLS + AUTH, an HTTP SMS gateway stub, and optionally the real Collector polling HAProxy into
/// the store the Alerter reads (<c>Alerter:CollectorDatabase</c>). Everything is stopped on dispose, by PID.
/// </summary>
public sealed class EndToEndLab : IAsyncDisposable
{
    public const string Host = "lb1";
    public const string SmsTo = "+15551234";
    public static readonly TimeSpan DefaultScanInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, TestHttpBackend> _servers = [];
    private readonly ILabLogPipeline _pipeline;
    private HAProxyProcess? _haproxy;

    private EndToEndLab(TempDirectory directory, ILabLogPipeline pipeline)
    {
        Directory = directory;
        _pipeline = pipeline;
        DatabasePath = Path.Combine(directory.Combine("data"), "alerter.db");
        CollectorDatabase = Path.Combine(directory.Combine("collector"), "collector.db");
    }

    public TempDirectory Directory { get; }

    /// <summary>How the log reaches the Alerter in this lab.</summary>
    public ILabLogPipeline Pipeline => _pipeline;

    public string DatabasePath { get; }

    /// <summary>The Collector's store (when started with one).</summary>
    public string CollectorDatabase { get; }

    /// <summary>The unix datagram socket HAProxy logs to (anyone allowed to write to it can forge lines).</summary>
    public string LogSocket => Directory.Combine("log.sock");

    public HAProxyProcess HAProxy => _haproxy!;

    public DotnetProcess? Collector { get; private set; }

    /// <summary>How often the Alerter scans the log (<see cref="EndToEndLabOptions.ScanInterval"/>).</summary>
    public TimeSpan ScanInterval { get; private set; } = DefaultScanInterval;

    public SmtpTestServer Smtp { get; private set; } = null!;

    public SmsGatewayStub Sms { get; } = new();

    public DotnetProcess Alerter { get; private set; } = null!;

    /// <param name="backends">Backend name to its server names; each server is a fresh <see cref="TestHttpBackend"/>.</param>
    /// <param name="emails">Email recipients of the one route (every proxy); critical alerts also go to <see cref="SmsTo"/>.</param>
    public static Task<EndToEndLab> StartAsync(IReadOnlyDictionary<string, string[]> backends, params string[] emails) =>
        StartAsync(backends, new Dictionary<string, string?>(), emails);

    /// <param name="extraSettings">Alerter settings added to the lab's own (e.g. <c>Alerter:Influx:*</c>).</param>
    public static Task<EndToEndLab> StartAsync(IReadOnlyDictionary<string, string[]> backends, IReadOnlyDictionary<string, string?> extraSettings, params string[] emails) =>
        StartAsync(backends, new EndToEndLabOptions { ExtraSettings = extraSettings }, emails);

    public static async Task<EndToEndLab> StartAsync(IReadOnlyDictionary<string, string[]> backends, EndToEndLabOptions options, params string[] emails)
    {
        var lab = new EndToEndLab(new TempDirectory("e2e"), LabLogPipelines.Create(options.Pipeline));
        try
        {
            await lab.StartProcessesAsync(backends, options, emails);
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
        return lab;
    }

    private async Task StartProcessesAsync(IReadOnlyDictionary<string, string[]> backends, EndToEndLabOptions options, string[] emails)
    {
        var certificate = TestCertificate.Create(Directory.Path);
        Smtp = await SmtpTestServer.StartAsync(Directory.Path, certificate, DeliverySettings.User, DeliverySettings.Password);
        var socket = LogSocket;
        await _pipeline.StartAsync(Directory, socket);
        var admin = Directory.Combine("admin.sock");
        var logLines = options.Targets == LabLogTargets.DebianStock
            ? $"log {socket} local0\n    log {socket} local1 notice" // Debian 12's stock haproxy.cfg, with our socket for /dev/log
            : $"log {socket} local0";
        var config = new System.Text.StringBuilder($"""
            global
                {logLines}
                stats socket {admin} mode 600 level admin
            defaults
                mode http
                log global
                timeout connect 1s
                timeout client 5s
                timeout server 5s

            """);
        foreach (var (backend, servers) in backends)
        {
            config.Append("backend ").Append(backend).Append('\n');
            foreach (var server in servers)
            {
                var listener = new TestHttpBackend();
                _servers[$"{backend}/{server}"] = listener;
                config.Append($"    server {server} {listener.Address} check inter 100ms rise 1 fall 1\n");
            }
        }
        _haproxy = await HAProxyProcess.StartAsync(Directory.Path, config.ToString(), admin);
        if (options.Collector)
        {
            Collector = await CollectorProcess.StartAsync(Directory.Path, admin, Host, Path.GetDirectoryName(CollectorDatabase)!);
        }

        var settings = DeliverySettings.For(Smtp, certificate);
        settings.Remove("Alerter:Smtp:TrustedCertificateFile"); // the child trusts the certificate through SSL_CERT_FILE
        settings["Store:DataDirectory"] = Directory.Combine("data");
        foreach (var (key, value) in _pipeline.AlerterSettings(Host))
        {
            settings[key] = value;
        }
        if (options.Collector)
        {
            settings["Alerter:CollectorDatabase"] = CollectorDatabase;
        }
        if (options.ScanInterval is { } interval)
        {
            ScanInterval = interval;
            settings["Alerter:Logs:Interval"] = interval.ToString();
        }
        settings["Alerter:Sms:Url"] = Sms.Url;
        settings["Alerter:Sms:Auth"] = "Basic";
        settings["Alerter:Sms:UserName"] = "AC123";
        settings["Alerter:Sms:Password"] = "twilio-token";
        settings["Alerter:Sms:From"] = "+15550000";
        settings["Alerter:Policy:Routes:0:Sms:0"] = SmsTo;
        for (var i = 0; i < emails.Length; i++)
        {
            settings[$"Alerter:Policy:Routes:0:Email:{i}"] = emails[i];
        }
        foreach (var (key, value) in options.ExtraSettings)
        {
            settings[key] = value;
        }
        var configPath = Directory.Combine("alerter.json");
        await File.WriteAllTextAsync(configPath, ConfigJson.Nest(settings));
        Alerter = AlerterProcess.Run(Directory.Path, configPath, certificate.CertificatePath);
    }

    /// <summary>The listener behind <c>backend/server</c>: Stop makes HAProxy's checks fail with "Connection refused".</summary>
    public TestHttpBackend Server(string name) => _servers[name];

    public string ReadLog() => _pipeline.ReadLog();

    public IReadOnlyList<string> LogLines(string text)
        => ReadLog().Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();

    public async Task WaitForLogLinesAsync(string text, int count, TimeSpan timeout)
        => await Poll.UntilAsync(() => LogLines(text).Count >= count, timeout, () => $"{count} log lines with '{text}' expected; log:\n{ReadLog()}\nhaproxy:\n{_haproxy?.Output}");

    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        await Poll.UntilAsync(() => Smtp.Messages().Count >= count, timeout, () => $"{Smtp.Messages().Count} of {count} messages arrived; {Describe()}");
        return Smtp.Messages();
    }

    public async Task WaitForSmsAsync(int count, TimeSpan timeout)
        => await Poll.UntilAsync(() => Sms.Requests.Count >= count, timeout, () => $"{Sms.Requests.Count} of {count} SMS arrived; {Describe()}");

    /// <summary>
    /// Waits until the Alerter has read the whole log, dispatched every event and sent every outbox row, then waits
    /// two more scan intervals and checks that this still holds: whatever was going to arrive has arrived.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan timeout)
    {
        await Poll.UntilAsync(IsQuiet, timeout, () => "the alerter did not catch up; " + Describe());
        await Task.Delay(2 * ScanInterval + TimeSpan.FromSeconds(1));
        IsQuiet().ShouldBeTrue(Describe());
    }

    /// <summary>
    /// Waits until the Alerter has read, dispatched and sent everything logged so far (without the extra wait of
    /// <see cref="WaitUntilQuietAsync"/>): a scenario's steps wait on it, so each step's alerts are decided before the next.
    /// </summary>
    public Task WaitUntilCaughtUpAsync(TimeSpan timeout) => Poll.UntilAsync(IsQuiet, timeout, () => "the alerter did not catch up; " + Describe());

    private bool IsQuiet()
    {
        try
        {
            return _pipeline.IsCaughtUp(Scalar)
                && Scalar("SELECT COUNT(*) FROM haproxy_event WHERE dispatched = 0") == 0
                && Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status <> 'sent'") == 0;
        }
        catch (SqliteException)
        {
            return false; // not created yet
        }
    }

    /// <summary>One value from the Alerter's database, read-only beside the running process (WAL).</summary>
    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False;Default Timeout=10");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public string Describe()
    {
        string outbox;
        try
        {
            outbox = $"events {Scalar("SELECT COUNT(*) FROM haproxy_event")}, undispatched {Scalar("SELECT COUNT(*) FROM haproxy_event WHERE dispatched = 0")}, outbox {Scalar("SELECT COUNT(*) FROM alert_outbox")}, unsent {Scalar("SELECT COUNT(*) FROM alert_outbox WHERE status <> 'sent'")}";
        }
        catch (SqliteException ex)
        {
            outbox = "database: " + ex.Message;
        }
        var subjects = string.Join("\n  ", Smtp.Messages().Select(m => $"{m.Header("To")}: {m.Subject}"));
        return $"{outbox}\nmessages:\n  {subjects}\nSMS: {Sms.Requests.Count}\nalerter output:\n{Alerter?.Output}";
    }

    public async ValueTask DisposeAsync()
    {
        Alerter?.Dispose();
        Collector?.Dispose();
        if (_haproxy is not null)
        {
            await _haproxy.DisposeAsync();
        }
        foreach (var server in _servers.Values)
        {
            server.Dispose();
        }
        await _pipeline.DisposeAsync();
        Sms.Dispose();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
        Directory.Dispose();
    }
}
