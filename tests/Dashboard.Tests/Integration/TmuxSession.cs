using System.Diagnostics;

namespace Dashboard.Tests.Integration;

/// <summary>
/// A detached tmux session running one command in a terminal of a fixed size, driven with
/// <c>send-keys</c> and read with <c>capture-pane -p</c>. Disposing kills exactly this session, by name.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private TmuxSession(string name) => Name = name;

    public string Name { get; }

    public static TmuxSession Start(string command, int width = 200, int height = 50)
    {
        var session = new TmuxSession("dtop-" + Guid.NewGuid().ToString("N")[..10]);
        // -u: the terminal speaks UTF-8 (sparklines, box drawing). The pane stays after the program exits so
        // its last words can be read; the session is killed on dispose.
        Run("-u", "new-session", "-d", "-s", session.Name, "-x", width.ToString(), "-y", height.ToString(), command);
        Run("set-option", "-t", session.Name, "remain-on-exit", "on");
        return session;
    }

    /// <summary>Keys in tmux syntax: literal text, or names such as Down, Tab, BTab, Escape, Enter.</summary>
    public void Send(params string[] keys) => Run(["send-keys", "-t", Name, .. keys]);

    public string Capture() => Run("capture-pane", "-p", "-t", Name);

    /// <summary>Polls the screen until <paramref name="condition"/> holds; fails with the last screen after the deadline.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var screen = "";
        while (DateTime.UtcNow < deadline)
        {
            screen = Capture();
            if (condition(screen))
            {
                return screen;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The screen never showed {what}. Last screen:\n{screen}");
    }

    public Task<string> WaitForTextAsync(string text, TimeSpan? timeout = null) =>
        WaitForAsync(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", timeout);

    /// <summary>The screen line that contains <paramref name="text"/>, or null.</summary>
    public static string? LineWith(string screen, string text) =>
        screen.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));

    public bool IsDead() => Run("display-message", "-p", "-t", Name, "#{pane_dead}").Trim() == "1";

    public void Dispose()
    {
        try
        {
            Run("kill-session", "-t", Name);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Run(params string[] arguments)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {error}");
        }
        return output;
    }
}
