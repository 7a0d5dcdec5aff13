using System.Net.Sockets;

namespace Alerter.Tests.Support;

/// <summary>
/// A syslog sink that opens the log file for every datagram and writes at its current end, as rsyslog does with
/// O_APPEND. TestSupport.SyslogFileSink keeps its own write position, so after a copytruncate it would write past
/// a hole of NUL bytes; real syslog daemons do not, and copytruncate tests need the real behaviour.
/// </summary>
public sealed class AppendingSyslogSink : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public AppendingSyslogSink(string socketPath, string logPath)
    {
        LogPath = logPath;
        File.WriteAllBytes(logPath, []);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        _loop = Task.Run(ReceiveLoop);
    }

    public string LogPath { get; }

    /// <summary>Held while writing a datagram; a test holds it to copy and truncate without losing a line.</summary>
    public object WriteLock { get; } = new();

    private async Task ReceiveLoop()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            int read;
            try
            {
                read = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (WriteLock)
            {
                using var file = new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                file.Write(buffer, 0, read);
                if (read == 0 || buffer[read - 1] != (byte)'\n')
                {
                    file.WriteByte((byte)'\n');
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
