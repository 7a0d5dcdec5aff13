using System.Diagnostics;

namespace TestSupport;

/// <summary>Sends a signal to one process the test started, by PID, with <c>kill -SIGNAL pid</c>.</summary>
public static class ProcessSignal
{
    /// <param name="signal">TERM, KILL, USR1, ... (without the SIG prefix).</param>
    public static void Send(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false });
        kill?.WaitForExit();
    }
}
