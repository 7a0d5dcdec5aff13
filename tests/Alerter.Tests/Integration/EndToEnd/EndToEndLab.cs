using System.Globalization;
using Alerter.Tests.Integration.Delivery;
using Alerter.Tests.Support;
using Microsoft.Data.Sqlite;
using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// The whole chain on real processes: HAProxy 2.6 checking <see cref="TestHttpBackend"/> servers every 100 ms
/// (rise 1 fall 1) and logging RFC 3164 to a unix socket, <see cref="SyslogFileSink"/> writing the log file,
/// <c>alerter run</c> as a child process scanning that file (from the beginning, default 5 s interval),
/// aiosmtpd with STARTTLS + AUTH, and an HTTP SMS gateway stub. Everything is stopped on dispose, by PID.
/// </summary>
public sealed class EndToEndLab : IAsyncDisposable
{
    public const string Host = "lb1";
    public const string SmsTo = "+15551234";
    public static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, TestHttpBackend> _servers = [];
    private SyslogFileSink? _sink;
    private JournalSyslogSink? _journalSink;
    private HAProxyProcess? _haproxy;
    private bool _journal;

    private EndToEndLab(TempDirectory directory)
    {
        Directory = directory;
        LogPath = directory.Combine("haproxy.log");
        DatabasePath = Path.Combine(directory.Combine("data"), "alerter.db");
    }

    public TempDirectory Directory { get; }

    public string LogPath { get; }

    public string DatabasePath { get; }

    public SmtpTestServer Smtp { get; private set; } = null!;

    public SmsGatewayStub Sms { get; } = new();

    public DotnetProcess Alerter { get; private set; } = null!;

    /// <param name="backends">Backend name to its server names; each server is a fresh <see cref="TestHttpBackend"/>.</param>
    /// <param name="emails">Email recipients of the one route (every proxy); critical alerts also go to <see cref="SmsTo"/>.</param>
    public static Task<EndToEndLab> StartAsync(IReadOnlyDictionary<string, string[]> backends, params string[] emails) =>
        StartAsync(backends, new Dictionary<string, string?>(), emails);

    /// <param name="extraSettings">Alerter settings added to the lab's own (e.g. <c>Alerter:Influx:*</c>).</param>
    public static async Task<EndToEndLab> StartAsync(IReadOnlyDictionary<string, string[]> backends, IReadOnlyDictionary<string, string?> extraSettings, params string[] emails)
    {
        var lab = new EndToEndLab(new TempDirectory("e2e"));
        try
        {
            await lab.StartProcessesAsync(backends, extraSettings, emails);
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
        return lab;
    }

    /// <summary>The same lab with the Alerter reading the journal instead of the file: HAProxy also logs to a stand-in for
    /// journald's syslog socket (<see cref="JournalSyslogSink"/>), and the Alerter reads that journal directory with no
    /// file source (the lab's own waits still read the file).</summary>
    public static async Task<EndToEndLab> StartWithJournalAsync(IReadOnlyDictionary<string, string[]> backends, params string[] emails)
    {
        var lab = new EndToEndLab(new TempDirectory("e2ej")) { _journal = true };
        try
        {
            await lab.StartProcessesAsync(backends, new Dictionary<string, string?>(), emails);
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
        return lab;
    }

    /// <summary>The journal directory the Alerter reads (labs started with <see cref="StartWithJournalAsync"/>).</summary>
    public string JournalDirectory => Directory.Combine("journal");

    private async Task StartProcessesAsync(IReadOnlyDictionary<string, string[]> backends, IReadOnlyDictionary<string, string?> extraSettings, string[] emails)
    {
        var certificate = TestCertificate.Create(Directory.Path);
        Smtp = await SmtpTestServer.StartAsync(Directory.Path, certificate, DeliverySettings.User, DeliverySettings.Password);
        var socket = Directory.Combine("log.sock");
        _sink = new SyslogFileSink(socket, LogPath);
        var journalLog = "";
        if (_journal)
        {
            System.IO.Directory.CreateDirectory(JournalDirectory);
            var journalSocket = Directory.Combine("journal.sock");
            _journalSink = new JournalSyslogSink(journalSocket, Path.Combine(JournalDirectory, "system.journal"));
            journalLog = $"log {journalSocket} local0";
        }
        var admin = Directory.Combine("admin.sock");
        var config = new System.Text.StringBuilder($"""
            global
                log {socket} local0
                {journalLog}
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

        var settings = DeliverySettings.For(Smtp, certificate);
        settings.Remove("Alerter:Smtp:TrustedCertificateFile"); // the child trusts the certificate through SSL_CERT_FILE
        settings["Store:DataDirectory"] = Directory.Combine("data");
        settings["Alerter:Logs:Sources:0:Path"] = LogPath;
        settings["Alerter:Logs:Sources:0:Host"] = Host;
        settings["Alerter:Logs:Sources:0:Start"] = "Beginning"; // transitions before the first scan are alerted too
        if (_journal)
        {
            settings.Remove("Alerter:Logs:Sources:0:Path");
            settings.Remove("Alerter:Logs:Sources:0:Host");
            settings.Remove("Alerter:Logs:Sources:0:Start");
            settings["Alerter:Journal:Use"] = "Always";
            settings["Alerter:Journal:Directory"] = JournalDirectory;
            settings["Alerter:Journal:Host"] = Host;
            settings["Alerter:Journal:Start"] = "Beginning";
            settings["Alerter:Journal:Priority"] = "debug"; // every entry, so IsQuiet can count them against the sink
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
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }
        var configPath = Directory.Combine("alerter.json");
        await File.WriteAllTextAsync(configPath, ConfigJson.Nest(settings));
        Alerter = AlerterProcess.Run(Directory.Path, configPath, certificate.CertificatePath);
    }

    /// <summary>The listener behind <c>backend/server</c>: Stop makes HAProxy's checks fail with "Connection refused".</summary>
    public TestHttpBackend Server(string name) => _servers[name];

    public string ReadLog() => HAProxyLogLab.ReadShared(LogPath);

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

    private bool IsQuiet()
    {
        try
        {
            var readAll = _journalSink is { } journal
                ? Scalar("SELECT COALESCE(MAX(entries), -1) FROM journal_checkpoint") == journal.Received
                : Scalar("SELECT COALESCE(MAX(offset), -1) FROM log_checkpoint") == new FileInfo(LogPath).Length;
            return readAll
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
        return $"{outbox}\nmessages:\n  {subjects}\nSMS: {Sms.Requests.Count}\nalerter output:\n{Alerter.Output}";
    }

    public async ValueTask DisposeAsync()
    {
        Alerter?.Dispose();
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
        if (_journalSink is not null)
        {
            await _journalSink.DisposeAsync();
        }
        Sms.Dispose();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
        Directory.Dispose();
    }
}
