using System.Diagnostics;
using System.Text;

namespace Alerter.Tests.Integration.Delivery;

/// <summary>
/// The real <c>alerter run</c> (alerter.dll from this test's output) as a child process, so a test can SIGKILL it.
/// The self-signed test certificate is trusted the way an operator would: SSL_CERT_FILE set before start.
/// </summary>
public sealed class AlerterChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AlerterChildProcess(Process process) => _process = process;

    public static AlerterChildProcess Start(string workingDirectory, string configPath, string? trustedCertificate)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "alerter.dll")}\" run --config \"{configPath}\"")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (trustedCertificate is not null)
        {
            info.Environment["SSL_CERT_FILE"] = trustedCertificate;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("alerter did not start");
        var child = new AlerterChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

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

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit(10_000);
        }
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
        Kill();
        _process.Dispose();
    }
}
