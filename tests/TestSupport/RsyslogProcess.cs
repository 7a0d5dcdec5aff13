using System.Diagnostics;
using System.Text;

namespace TestSupport;

/// <summary>
/// Debian 12's real <c>rsyslogd</c> (8.2302) as a foreground child (<c>-n</c>, its own pid file and config in a temp
/// directory), set up the way Debian ships it for HAProxy: the file-format defaults of Debian's stock
/// <c>/etc/rsyslog.conf</c> (<c>$FileOwner root</c>, <c>$FileGroup adm</c>, <c>$FileCreateMode 0640</c>, no
/// <c>$ActionFileDefaultTemplate</c>, so RSYSLOG_FileFormat: RFC 3339 stamps with microseconds, taken at reception)
/// and Debian's <c>/etc/rsyslog.d/49-haproxy.conf</c> (shipped by the haproxy package) read from the machine with its
/// two paths moved into the temp directory: the extra <c>imuxsock</c> socket HAProxy logs to, and the log file. The
/// system socket (<c>/dev/log</c>) and kernel log are left alone. Stopped by PID on dispose.
/// </summary>
public sealed class RsyslogProcess : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/rsyslogd";
    public const string DebianHAProxyRule = "/etc/rsyslog.d/49-haproxy.conf";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RsyslogProcess(Process process, string socketPath, string logPath)
    {
        _process = process;
        SocketPath = socketPath;
        LogPath = logPath;
    }

    /// <summary>The imuxsock socket HAProxy's <c>log</c> lines name.</summary>
    public string SocketPath { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The config: Debian's file-format defaults, then its 49-haproxy.conf with the two paths replaced.</summary>
    public static string Config(string directory, string socketPath, string logPath)
    {
        if (!File.Exists(DebianHAProxyRule))
        {
            throw new InvalidOperationException($"{DebianHAProxyRule} is missing: it comes with Debian's haproxy package (./test.sh installs it).");
        }
        var rule = File.ReadAllText(DebianHAProxyRule)
            .Replace("/var/lib/haproxy/dev/log", socketPath, StringComparison.Ordinal)
            .Replace("/var/log/haproxy.log", logPath, StringComparison.Ordinal);
        if (!rule.Contains(socketPath, StringComparison.Ordinal) || !rule.Contains(logPath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{DebianHAProxyRule} no longer names /var/lib/haproxy/dev/log and /var/log/haproxy.log:\n{rule}");
        }
        return $"""
            # Debian 12's /etc/rsyslog.conf, its modules and file-format defaults (imklog and the system socket off:
            # this daemon must not take /dev/log or the kernel log from the machine's own).
            module(load="imuxsock" SysSock.Use="off")
            $FileOwner root
            $FileGroup adm
            $FileCreateMode 0640
            $DirCreateMode 0755
            $Umask 0022
            $WorkDirectory {directory}
            # /etc/rsyslog.d/49-haproxy.conf, paths moved into the test's directory:
            {rule}
            """;
    }

    public static async Task<RsyslogProcess> StartAsync(string directory, string socketPath, string logPath)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's rsyslog package (./test.sh does).");
        }
        var configPath = Path.Combine(directory, "rsyslog.conf");
        await File.WriteAllTextAsync(configPath, Config(directory, socketPath, logPath));
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "-n", "-f", configPath, "-i", Path.Combine(directory, "rsyslogd.pid") })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("rsyslogd did not start");
        var rsyslog = new RsyslogProcess(process, socketPath, logPath);
        process.OutputDataReceived += (_, e) => rsyslog.Append(e.Data);
        process.ErrorDataReceived += (_, e) => rsyslog.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(() => File.Exists(socketPath) || process.HasExited, TimeSpan.FromSeconds(15), () => $"rsyslogd did not create {socketPath}:\n{rsyslog.Output}");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rsyslogd exited with {process.ExitCode}:\n{rsyslog.Output}");
            }
        }
        catch
        {
            await rsyslog.DisposeAsync();
            throw;
        }
        return rsyslog;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessSignal.StopAsync(_process, TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
