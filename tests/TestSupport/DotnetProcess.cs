using System.Collections.Concurrent;
using System.Diagnostics;

namespace TestSupport;

/// <summary>
/// One of our programs (<c>dotnet some.dll ...</c>) as a child process, its stdout and stderr lines collected,
/// for what an in-process host cannot show: SIGKILL, a restart on the same files, another user. Only the process
/// started here is ever signalled, by PID; disposing kills it if it still runs.
/// </summary>
public sealed class DotnetProcess : IAsyncDisposable, IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private DotnetProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line written so far, stdout and stderr interleaved as they arrived.</summary>
    public IReadOnlyList<string> Lines => _lines.ToList();

    public string Output => string.Join('\n', _lines) + "\n";

    /// <summary>
    /// Starts <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c>. <paramref name="asNobody"/> runs it as
    /// uid/gid 65534 when the tests run as root, who passes every permission check, in no supplementary group but
    /// <paramref name="groups"/> (group names, e.g. <c>haproxy</c>: "the user is in group X").
    /// </summary>
    public static DotnetProcess Start(
        string dll,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        bool asNobody = false,
        IReadOnlyList<string>? groups = null)
    {
        var dropPrivileges = asNobody && Environment.UserName == "root";
        var info = new ProcessStartInfo(dropPrivileges ? "setpriv" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        if (dropPrivileges)
        {
            var groupArgument = groups is { Count: > 0 } ? $"--groups={string.Join(',', groups)}" : "--clear-groups";
            foreach (var argument in new[] { "--reuid=65534", "--regid=65534", groupArgument, "dotnet" })
            {
                info.ArgumentList.Add(argument);
            }
        }
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return new DotnetProcess(Process.Start(info) ?? throw new InvalidOperationException($"dotnet {dll} did not start"));
    }

    /// <summary>Configuration as command-line arguments, <c>--key=value</c>, the way the Generic Host reads them.</summary>
    public static IEnumerable<string> SettingsArguments(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.Select(s => $"--{s.Key}={s.Value}");

    /// <summary>Waits for a line that satisfies <paramref name="match"/>; fails with the output if the process exits first.</summary>
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
                // HasExited can turn true before the last lines have come through the redirected pipes (they are
                // read on other threads): WaitForExitAsync also waits for both pipes to reach EOF.
                await _process.WaitForExitAsync();
                return _lines.LastOrDefault(match) ?? throw NeverWrote();
            }
            await Task.Delay(20);
        }
        throw NeverWrote();
    }

    private TimeoutException NeverWrote() =>
        new($"{_process.StartInfo.ArgumentList.FirstOrDefault()} never wrote the line awaited. {(_process.HasExited ? $"Exited with {_process.ExitCode}" : "Still running")}. Output:\n{Output}");

    /// <summary>Waits for the process to exit and for its output to be read to the end; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{_process.StartInfo.ArgumentList.FirstOrDefault()} still runs after {timeout.TotalSeconds} s. Output:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no shutdown hook, flush or Dispose runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
        _process.WaitForExit(10_000);
    }

    /// <inheritdoc cref="Kill"/>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
