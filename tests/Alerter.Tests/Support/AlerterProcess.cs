using System.Diagnostics;
using System.Text;

namespace Alerter.Tests.Support;

/// <summary>
/// The real <c>alerter</c> executable (<c>alerter.dll</c> copied beside the tests) run with <c>dotnet</c> as a child
/// process in a working directory. <see cref="Kill"/> sends SIGKILL (no shutdown code runs); dispose kills what is
/// still running. Only the process started here is touched.
/// </summary>
public sealed class AlerterProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AlerterProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

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

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "alerter.dll");

    /// <summary>Starts <c>dotnet alerter.dll &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>.</summary>
    public static AlerterProcess Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var child = new AlerterProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// <c>alerter run --config &lt;file&gt;</c>. A test certificate is trusted the way an operator would trust one:
    /// SSL_CERT_FILE set before the process starts (setting it from inside a process does not work).
    /// </summary>
    public static AlerterProcess Run(string workingDirectory, string configPath, string? trustedCertificate)
    {
        var environment = trustedCertificate is null
            ? null
            : new Dictionary<string, string> { ["SSL_CERT_FILE"] = trustedCertificate };
        return Start(workingDirectory, ["run", "--config", configPath], environment);
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux), then waits for the exit.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
        _process.WaitForExit(10_000);
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

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
