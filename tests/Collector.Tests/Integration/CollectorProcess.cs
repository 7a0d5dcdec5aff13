using System.Diagnostics;
using System.Text;

namespace Collector.Tests.Integration;

/// <summary>
/// The real Collector binary (<c>dotnet collector.dll</c>) as a child process with its output collected, for what
/// an in-process host cannot show: SIGKILL, and running as another user. Only this process is signalled, by PID.
/// </summary>
public sealed class CollectorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CollectorProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>collector.dll as built next to the test assembly.</summary>
    public static string BuiltDll => Path.Combine(AppContext.BaseDirectory, "collector.dll");

    public bool HasExited => _process.HasExited;

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

    /// <summary>
    /// Starts <paramref name="collectorDll"/> with each setting as <c>--key=value</c>, in <paramref name="workingDirectory"/>.
    /// <paramref name="asNobody"/> runs it as uid/gid 65534 when the tests run as root (root passes every permission check).
    /// </summary>
    public static CollectorProcess Start(string collectorDll, IReadOnlyDictionary<string, string?> settings, string workingDirectory, bool asNobody = false)
    {
        var dropPrivileges = asNobody && Environment.UserName == "root";
        var info = new ProcessStartInfo(dropPrivileges ? "setpriv" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            Environment = { ["HOME"] = workingDirectory, ["DOTNET_CLI_HOME"] = workingDirectory },
        };
        if (dropPrivileges)
        {
            foreach (var argument in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" })
            {
                info.ArgumentList.Add(argument);
            }
        }
        info.ArgumentList.Add(collectorDll);
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }
        return new CollectorProcess(Process.Start(info) ?? throw new InvalidOperationException("the collector did not start"));
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no Dispose runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", $"-KILL {_process.Id}") { UseShellExecute = false })!;
            await kill.WaitForExitAsync();
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
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
}
