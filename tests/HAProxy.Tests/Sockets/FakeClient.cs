using System.Net.Sockets;
using System.Text;

namespace HAProxy.Tests.Sockets;

/// <summary>The server side of one fake connection: read command lines, write raw bytes, close.</summary>
internal sealed class FakeClient(Socket socket, int listenerGeneration, int index, CancellationToken stop)
{
    private readonly List<byte> _pending = [];

    public int ListenerGeneration { get; } = listenerGeneration;

    /// <summary>1 for the first connection the server accepted, 2 for the next...</summary>
    public int Index { get; } = index;

    /// <summary>Every line received on this connection.</summary>
    public List<string> Lines { get; } = [];

    /// <summary>The next line without its <c>\n</c>, or null at EOF.</summary>
    public async Task<string?> ReadLineAsync()
    {
        var buffer = new byte[4096];
        while (true)
        {
            var newline = _pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_pending.GetRange(0, newline).ToArray());
                _pending.RemoveRange(0, newline + 1);
                lock (Lines)
                {
                    Lines.Add(line);
                }
                return line;
            }
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
            if (read == 0)
            {
                return null;
            }
            _pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, stop);
        }
    }

    /// <summary>Sends <paramref name="text"/> in pieces of <paramref name="chunk"/> bytes, pausing between them.</summary>
    public async Task SendInChunksAsync(string text, int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            await SendAsync(bytes[i..Math.Min(bytes.Length, i + chunk)]);
            await Task.Delay(1, stop);
        }
    }

    /// <summary>
    /// Holds the connection open, saying nothing, until the server is disposed: a silent peer must outlast any
    /// deadline under test, so a fixed delay would race it on a loaded machine.
    /// </summary>
    public async Task StaySilentAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Close()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
        socket.Dispose();
    }
}
