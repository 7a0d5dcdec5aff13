using System.Net.Sockets;
using System.Text;

namespace HAProxy.Sockets;

/// <summary>
/// One long-lived stats-socket connection running <c>show events &lt;ring&gt; -w</c>: HAProxy first dumps the ring's
/// backlog, then writes each new message as it is logged, until the connection closes. The write side stays open
/// (closing it ends the command). Lines come out in batches, one batch per socket read. Connects through the same
/// connector as <see cref="StatsSession"/>: a connect deadline, and a <see cref="StatsSocketException"/> with advice
/// for a missing socket, a refused connection or a permission problem.
/// </summary>
public sealed class RingConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer;
    private int _filled;
    private bool _skipping;

    private RingConnection(Socket socket, StatsEndpoint endpoint, UnixFileStat? socketFile, int maxLineBytes)
    {
        _socket = socket;
        Endpoint = endpoint;
        SocketFile = socketFile;
        _buffer = new byte[Math.Max(maxLineBytes, 256) + 1];
    }

    public StatsEndpoint Endpoint { get; }

    /// <summary>The socket file when connected (unix endpoints): a reload replaces it.</summary>
    public UnixFileStat? SocketFile { get; }

    /// <summary>Lines longer than the limit, skipped.</summary>
    public long Overlong { get; private set; }

    /// <summary>Connects within <paramref name="connectTimeout"/> and starts following <paramref name="ringName"/>.</summary>
    /// <exception cref="ArgumentException">The ring name holds a space, a line break or ';'.</exception>
    /// <exception cref="StatsSocketException">No connection (missing socket, refused, permission, deadline).</exception>
    public static async Task<RingConnection> ConnectAsync(
        StatsEndpoint endpoint, string ringName, int maxLineBytes, TimeSpan connectTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (string.IsNullOrWhiteSpace(ringName) || ringName.AsSpan().IndexOfAny(" \t\r\n;") >= 0)
        {
            throw new ArgumentException($"'{ringName}' is not a ring name.", nameof(ringName));
        }
        var socketFile = SocketFileCheck.BeforeConnect(endpoint);
        var socket = await StatsSocketConnector.ConnectAsync(endpoint, connectTimeout, time, cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes($"show events {ringName} -w\n"), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new StatsSocketException(endpoint, StatsSocketError.Disconnected, $"{endpoint} closed the connection before 'show events {ringName} -w' was sent.", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new RingConnection(socket, endpoint, socketFile, maxLineBytes);
    }

    /// <summary>Why this connection no longer reaches the live process (its socket file was replaced), or null.</summary>
    public string? SocketFileProblem() => SocketFileCheck.Problem(Endpoint, SocketFile);

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
                // Invalid UTF-8 becomes U+FFFD; the caller decides what such a line is worth.
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
