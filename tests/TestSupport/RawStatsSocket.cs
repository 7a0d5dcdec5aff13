using System.Net.Sockets;
using System.Text;

namespace TestSupport;

/// <summary>
/// The simplest possible stats socket client, independent of the code under test: one command, read to EOF.
/// Tests use it as an oracle and to wait for HAProxy to be ready.
/// </summary>
public static class RawStatsSocket
{
    public static async Task<string> SendAsync(string socketPath, string command, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cts.Token);
        await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), SocketFlags.None, cts.Token);
        using var memory = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token)) > 0)
        {
            memory.Write(buffer, 0, read);
        }
        return Encoding.UTF8.GetString(memory.ToArray());
    }

    /// <summary>Reads <c>Pid</c> from <c>show info</c>.</summary>
    public static async Task<int> GetPidAsync(string socketPath)
    {
        var info = await SendAsync(socketPath, "show info");
        foreach (var line in info.Split('\n'))
        {
            if (line.StartsWith("Pid: ", StringComparison.Ordinal))
            {
                return int.Parse(line[5..]);
            }
        }
        throw new InvalidOperationException("show info had no Pid line: " + info);
    }
}
