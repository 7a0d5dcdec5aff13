using System.Diagnostics;

namespace Dashboard.Tests.Integration;

/// <summary>
/// A detached tmux session running one command in a terminal of a fixed size, driven with
/// <c>send-keys</c> and read with <c>capture-pane -p</c>. Each session has its own tmux server (<c>-L</c>, no
/// user config): with one shared server, a test killing the last session made the server exit while a parallel
/// test's new-session was connecting to it ("server exited unexpectedly"). It also never touches the user's
/// tmux. Disposing kills exactly this server.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private string? _socketPath;

    private TmuxSession(string name) => Name = name;

    public string Name { get; }

    public static TmuxSession Start(string command, int width = 200, int height = 50)
    {
        var session = new TmuxSession("dtop-" + Guid.NewGuid().ToString("N")[..10]);
        // -u: the terminal speaks UTF-8 (sparklines, box drawing). The pane stays after the program exits so
        // its last words can be read; the session is killed on dispose.
        session.Run("-u", "new-session", "-d", "-s", session.Name, "-x", width.ToString(), "-y", height.ToString(), command);
        session.Run("set-option", "-t", session.Name, "remain-on-exit", "on");
        session._socketPath = session.Run("display-message", "-p", "#{socket_path}").Trim();
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
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        if (_socketPath is not null)
        {
            File.Delete(_socketPath); // tmux leaves its socket file behind
        }
    }

    private string Run(params string[] arguments)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var option in new[] { "-L", Name, "-f", "/dev/null" })
        {
            info.ArgumentList.Add(option);
        }
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
