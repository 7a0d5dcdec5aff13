using System.Diagnostics;

namespace Alerter.Tests.Support;

/// <summary>
/// A running <c>systemd-journal-remote --output=FILE -</c>: every entry written to its stdin lands in the journal file at
/// once, where a following journalctl sees it (checked here: journal-remote writes each entry as it reads it). Stopped by
/// closing its input (<see cref="CompleteAsync"/>), or killed by PID on dispose.
/// </summary>
public sealed class JournalRemoteWriter : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly Task<string> _stdout;
    private readonly object _gate = new();

    private JournalRemoteWriter(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
        _stdout = process.StandardOutput.ReadToEndAsync();
    }

    public static JournalRemoteWriter Start(string path)
    {
        var info = new ProcessStartInfo(JournalFile.JournalRemote)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--output=" + path);
        info.ArgumentList.Add("-");
        return new JournalRemoteWriter(Process.Start(info) ?? throw new InvalidOperationException("systemd-journal-remote did not start"));
    }

    public void Write(JournalFile.Entry entry)
    {
        var bytes = JournalFile.Export(entry);
        lock (_gate)
        {
            _process.StandardInput.BaseStream.Write(bytes);
            _process.StandardInput.BaseStream.Flush();
        }
    }

    /// <summary>Ends the input and waits for journal-remote to finish the file.</summary>
    public async Task CompleteAsync()
    {
        lock (_gate)
        {
            _process.StandardInput.Close();
        }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(deadline.Token);
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"systemd-journal-remote exited {_process.ExitCode}: {await _stderr}{await _stdout}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
