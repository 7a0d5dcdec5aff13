using System.Net.Sockets;
using System.Text;
using Alerter.Logs;

namespace Alerter.Ring;

/// <summary>
/// One long-lived stats-socket connection running <c>show events &lt;ring&gt; -w</c>: HAProxy first dumps the ring's
/// backlog, then writes each new message as it is logged, until the connection closes. The write side stays open
/// (closing it ends the command). Lines come out in batches, one batch per socket read.
/// </summary>
public sealed class RingConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer;
    private int _filled;
    private bool _skipping;

    private RingConnection(Socket socket, FileIdentity? socketFile, int maxLineBytes)
    {
        _socket = socket;
        SocketFile = socketFile;
        _buffer = new byte[Math.Max(maxLineBytes, 256) + 1];
    }

    /// <summary>Device and inode of the socket file when connected: a reload replaces the file.</summary>
    public FileIdentity? SocketFile { get; }

    /// <summary>Lines longer than the limit, skipped.</summary>
    public long Overlong { get; private set; }

    public static async Task<RingConnection> ConnectAsync(string socketPath, string ringName, int maxLineBytes, CancellationToken cancellationToken)
    {
        var identity = UnixFileStat.Stat(socketPath)?.Identity;
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            await socket.SendAsync(Encoding.ASCII.GetBytes($"show events {ringName} -w\n"), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new RingConnection(socket, identity, maxLineBytes);
    }

    /// <summary>The complete lines of the next read (possibly none), or null when HAProxy closed the connection.</summary>
    public async Task<IReadOnlyList<string>?> ReadLinesAsync(CancellationToken cancellationToken)
    {
        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }
        _filled += read;
        var lines = new List<string>();
        var start = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(start, _filled - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }
            if (!_skipping)
            {
                // Invalid UTF-8 becomes U+FFFD; the processor refuses such events.
                lines.Add(Encoding.UTF8.GetString(_buffer, start, newline));
            }
            _skipping = false;
            start += newline + 1;
        }
        Buffer.BlockCopy(_buffer, start, _buffer, 0, _filled - start);
        _filled -= start;
        if (_filled == _buffer.Length)
        {
            // A line longer than the limit: drop what we have and the rest up to its newline.
            if (!_skipping)
            {
                Overlong++;
            }
            _skipping = true;
            _filled = 0;
        }
        return lines;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
