using System.Diagnostics;
using System.Text;

namespace TestSupport;

/// <summary>
/// A real <c>haproxy</c> (Debian's 2.6) run as a foreground child process with a config in a temp directory.
/// Reload is HAProxy's own <c>-sf</c> hand-over: a new process takes the sockets and the old one finishes.
/// Every process started here is stopped on dispose, by PID; nothing else is touched.
/// </summary>
public sealed class HAProxyProcess : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/haproxy";

    private readonly List<Process> _started = [];
    private readonly StringBuilder _output = new();
    private Process? _current;

    private HAProxyProcess(string configPath, string socketPath)
    {
        ConfigPath = configPath;
        SocketPath = socketPath;
    }

    public string ConfigPath { get; }

    /// <summary>The admin stats socket the config declares.</summary>
    public string SocketPath { get; }

    /// <summary>PID of the process that currently owns the sockets.</summary>
    public int Pid => _current?.Id ?? 0;

    /// <summary>Everything the processes wrote to stdout/stderr (warnings, alerts, <c>log stdout</c> lines).</summary>
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

    /// <summary>Writes <paramref name="config"/> to <c>haproxy.cfg</c> in <paramref name="directory"/> and starts it.</summary>
    /// <param name="socketPath">The admin socket path the config declares; readiness is checked through it.</param>
    public static async Task<HAProxyProcess> StartAsync(string directory, string config, string socketPath)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's haproxy package (./test.sh does).");
        }
        var configPath = Path.Combine(directory, "haproxy.cfg");
        // HAProxy refuses a config whose last line lacks its newline ("Missing LF on last line").
        await File.WriteAllTextAsync(configPath, config.EndsWith('\n') ? config : config + "\n");
        var process = new HAProxyProcess(configPath, socketPath);
        await process.StartProcessAsync(extraArgs: "");
        return process;
    }

    /// <summary>Graceful reload: a new process with <c>-sf old-pid</c>; returns once the new one answers.</summary>
    public Task ReloadAsync() => StartProcessAsync($"-sf {Pid}");

    /// <summary>Hard stop (SIGKILL-free SIGTERM): the socket file stays behind, stale.</summary>
    public async Task StopAsync()
    {
        if (_current is { HasExited: false } current)
        {
            ProcessSignal.Send(current.Id, "TERM");
            await current.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        _current = null;
    }

    /// <summary>Starts a fresh process after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync() => StartProcessAsync(extraArgs: "");

    /// <summary>Whether a process this object started is still running (old processes linger after reload).</summary>
    public bool IsRunning(int pid) => _started.Any(p => p.Id == pid && !p.HasExited);

    private async Task StartProcessAsync(string extraArgs)
    {
        var info = new ProcessStartInfo(Binary, $"-f {ConfigPath} {extraArgs}".Trim())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ConfigPath)!,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("haproxy did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _started.Add(process);
        _current = process;
        await WaitUntilAnsweringAsync(process);
    }

    private async Task WaitUntilAnsweringAsync(Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with {process.ExitCode}:\n{Output}");
            }
            try
            {
                if (await RawStatsSocket.GetPidAsync(SocketPath) == process.Id)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or OperationCanceledException or InvalidOperationException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"haproxy pid {process.Id} did not answer on {SocketPath}:\n{Output}");
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
        foreach (var process in _started)
        {
            if (!process.HasExited)
            {
                ProcessSignal.Send(process.Id, "TERM");
            }
        }
        foreach (var process in _started)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                ProcessSignal.Send(process.Id, "KILL");
            }
            process.Dispose();
        }
    }
}
