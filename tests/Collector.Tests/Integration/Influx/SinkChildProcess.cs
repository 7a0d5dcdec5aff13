using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collector.Tests.Integration.Influx;

/// <summary>
/// The test-only program <c>InfluxSpoolChild</c> (the real sink in its own process) started with
/// <c>dotnet</c>; its stdout lines are collected. <see cref="Kill"/> sends an honest SIGKILL.
/// </summary>
public sealed class SinkChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private SinkChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public IReadOnlyList<string> Lines => _lines.ToList();

    public static SinkChildProcess Start(int cycles, int servers, IDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "InfluxSpoolChild.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(cycles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(servers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }
        return new SinkChildProcess(Process.Start(info) ?? throw new InvalidOperationException("child did not start"));
    }

    /// <summary>Waits for a stdout line that satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var line = _lines.LastOrDefault(match);
            if (line is not null)
            {
                return line;
            }
            if (_process.HasExited)
            {
                break;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"child output never matched. Exited: {_process.HasExited}. Output:\n{string.Join('\n', _lines)}");
    }

    /// <summary>SIGKILL: no Dispose, no flush, no shutdown hook runs.</summary>
    public async Task KillAsync()
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", $"-KILL {_process.Id}") { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }
        await _process.WaitForExitAsync();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }
}
