namespace HAProxy.Tests.Sockets;

/// <summary>
/// A prompt-mode conversation as HAProxy 2.6 holds it (greeting, <c>set timeout cli</c>, <c>show info</c>),
/// with every other command answered by a test-supplied function that writes raw bytes.
/// </summary>
internal sealed class FakeHAProxy
{
    private int _stoppingUpTo;

    /// <summary>Connection n (1-based) reports Pid <c>Pid + n</c>, as if each connection reached a new process.</summary>
    public int Pid { get; init; } = 4242;

    /// <summary>Answers a command (other than the handshake ones); return false to close the connection instead.</summary>
    public required Func<FakeClient, string, Task<bool>> Answer { get; init; }

    /// <summary>Commands received, across connections, in order.</summary>
    public List<string> Commands { get; } = [];

    /// <summary>From now on, connections 1..<paramref name="connection"/> report Stopping: 1 (old processes after a reload).</summary>
    public void MarkStopping(int connection) => Volatile.Write(ref _stoppingUpTo, connection);

    public static string ShowInfo(int pid, bool stopping) =>
        $"Name: HAProxy\nVersion: 2.6.12-1+deb12u4\nPid: {pid}\nUptime_sec: 5\nStart_time_sec: 1790000000\nStopping: {(stopping ? 1 : 0)}\nCurrConns: 1\n";

    public async Task Serve(FakeClient client)
    {
        if (await client.ReadLineAsync() != "prompt")
        {
            return;
        }
        await client.SendAsync("\n> ");
        while (await client.ReadLineAsync() is { } line)
        {
            lock (Commands)
            {
                Commands.Add(line);
            }
            if (line.StartsWith("set timeout cli ", StringComparison.Ordinal))
            {
                await client.SendAsync("\n> ");
            }
            else if (line == "show info")
            {
                var stopping = client.Index <= Volatile.Read(ref _stoppingUpTo);
                await client.SendAsync(ShowInfo(Pid + client.Index, stopping) + "\n> ");
            }
            else if (!await Answer(client, line))
            {
                return;
            }
        }
    }
}
