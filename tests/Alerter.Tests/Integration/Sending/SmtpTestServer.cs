using System.Diagnostics;
using TestSupport;

namespace Alerter.Tests.Integration.Sending;

/// <summary>
/// python3-aiosmtpd (smtp_server.py) as a child process on a loopback port: STARTTLS with a self-signed
/// certificate (and implicit TLS on <see cref="TlsPort"/>), AUTH LOGIN/PLAIN, recipient deny (relay) and reject
/// (no such mailbox) patterns, and a "hold" switch that parks DATA before acceptance.
/// Stopped by PID on dispose; can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly string _arguments;
    private Process? _process;

    private SmtpTestServer(string directory, string arguments, int port, int? tlsPort)
    {
        TlsPort = tlsPort;
        Directory = directory;
        MailDirectory = Path.Combine(directory, "mail");
        HoldFile = Path.Combine(directory, "hold");
        Port = port;
        _arguments = arguments;
    }

    public string Directory { get; }

    public string MailDirectory { get; }

    /// <summary>While this file exists, DATA waits before accepting; <c>hold.waiting</c> appears once one is parked.</summary>
    public string HoldFile { get; }

    public int Port { get; }

    /// <summary>The implicit-TLS port (SslOnConnect), when started with a certificate.</summary>
    public int? TlsPort { get; }

    /// <param name="deny">Recipients refused with 550 5.7.1 (relay denied), a glob.</param>
    /// <param name="reject">Recipients refused with 550 5.1.1 (no such mailbox), a glob.</param>
    public static async Task<SmtpTestServer> StartAsync(string directory, TestCertificate? certificate, string? user = null, string? password = null, string? deny = null, string? reject = null)
    {
        var port = FreePort.Next();
        int? tlsPort = null;
        var args = new List<string> { ScriptPath, "--port", port.ToString(), "--dir", Path.Combine(directory, "mail"), "--hold", Path.Combine(directory, "hold") };
        if (certificate is not null)
        {
            tlsPort = FreePort.Next();
            args.AddRange(["--cert", certificate.CertificatePath, "--key", certificate.KeyPath, "--tls-port", tlsPort.Value.ToString()]);
        }
        if (reject is not null)
        {
            args.AddRange(["--reject", reject]);
        }
        if (user is not null)
        {
            args.AddRange(["--user", user, "--password", password ?? ""]);
        }
        if (deny is not null)
        {
            args.AddRange(["--deny", deny]);
        }
        var server = new SmtpTestServer(directory, string.Join(' ', args.Select(a => $"\"{a}\"")), port, tlsPort);
        await server.StartAgainAsync();
        return server;
    }

    private static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Integration", "Sending", "smtp_server.py");

    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo("/usr/bin/python3", _arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        _process = process;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("READY", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"smtp_server.py did not start (exit {(process.HasExited ? process.ExitCode : -1)})");
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Accepted messages in acceptance order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages()
    {
        if (!System.IO.Directory.Exists(MailDirectory))
        {
            return [];
        }
        return System.IO.Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => ReceivedMessage.Parse(path, File.ReadAllBytes(path))).ToList();
    }

    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count, TimeSpan timeout, Func<Task>? step = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count)
            {
                return messages;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messages.Count} of {count} messages arrived within {timeout}");
            }
            if (step is not null)
            {
                await step();
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
