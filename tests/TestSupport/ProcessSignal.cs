using System.Diagnostics;

namespace TestSupport;

/// <summary>Signals one process the test started, by PID, with <c>kill -SIGNAL pid</c>.</summary>
public static class ProcessSignal
{
    /// <param name="signal">TERM, KILL, USR1, ... (without the SIG prefix).</param>
    public static void Send(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false });
        kill?.WaitForExit();
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="grace"/>; returns once it is gone.</summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }
        Send(process.Id, "TERM");
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Send(process.Id, "KILL");
            await process.WaitForExitAsync();
        }
    }
}
