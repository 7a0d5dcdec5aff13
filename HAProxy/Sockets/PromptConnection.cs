using System.Net.Sockets;
using System.Text;

namespace HAProxy.Sockets;

/// <summary>
/// One open prompt-mode connection: sends a command line and reads its reply up to the prompt. Any failure
/// leaves it in an unknown state; the owner then disposes it and opens a new one.
/// </summary>
internal sealed class PromptConnection : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;
    private const int KeptBufferBytes = 16 * 1024 * 1024;

    private readonly Socket _socket;
    private readonly StatsEndpoint _endpoint;
    private readonly int _maxReplyBytes;
    private byte[] _buffer = new byte[InitialBufferBytes];

    public PromptConnection(Socket socket, StatsEndpoint endpoint, int maxReplyBytes, UnixFileStat? socketFile)
    {
        _socket = socket;
        _endpoint = endpoint;
        _maxReplyBytes = maxReplyBytes;
        SocketFile = socketFile;
    }

    /// <summary>The socket file as it was when this connection was opened (unix endpoints).</summary>
    public UnixFileStat? SocketFile { get; }

    /// <summary>Replies completed on this connection.</summary>
    public long Replies { get; private set; }

    /// <summary>Timestamp (from the session's TimeProvider) of the last proof that the process is live.</summary>
    public long LastProofTimestamp { get; set; }

    /// <summary>
    /// Checks, without blocking, that nothing is pending between commands. Bytes waiting mean the last reply
    /// was framed wrongly; readable with no bytes means HAProxy closed the connection.
    /// </summary>
    public string? IdleProblem()
    {
        try
        {
            if (_socket.Available > 0)
            {
                return "unexpected bytes arrived between commands";
            }
            return _socket.Poll(0, SelectMode.SelectRead) ? "HAProxy closed the connection (idle timeout, reload or stop)" : null;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return "the connection failed: " + ex.Message;
        }
    }

    /// <summary>Enters prompt mode: sends <c>prompt</c> and expects exactly the greeting <c>"\n> "</c>.</summary>
    public async Task EnterPromptModeAsync(CancellationToken cancellationToken)
    {
        await SendLineAsync("prompt", cancellationToken).ConfigureAwait(false);
        var length = 0;
        while (ReplyFraming.PromptReplyLength(_buffer.AsSpan(0, length)) < 0)
        {
            var read = await ReceiveAsync(length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw length == 0
                    ? new StatsSocketException(_endpoint, StatsSocketError.NotAStatsSocket,
                        $"{_endpoint} closed the connection without a greeting: not an HAProxy stats socket, or HAProxy refused the session (stats maxconn reached?).")
                    : new StatsSocketException(_endpoint, StatsSocketError.NotAStatsSocket,
                        StatsSocketAdvice.NotAStatsSocket(_endpoint, Decode(length)));
            }
            length += read;
            if (!ReplyFraming.CanBeGreeting(_buffer.AsSpan(0, length)))
            {
                throw new StatsSocketException(_endpoint, StatsSocketError.NotAStatsSocket, StatsSocketAdvice.NotAStatsSocket(_endpoint, Decode(length)));
            }
        }
    }

    /// <summary>Sends one command line and returns the reply text (lines with their <c>\n</c>; "" for none).</summary>
    /// <exception cref="ConnectionClosedException">EOF before any byte of the reply.</exception>
    /// <exception cref="StatsSocketException">Truncated or oversized reply.</exception>
    public async Task<string> ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        try
        {
            await SendLineAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new ConnectionClosedException($"sending failed: {ex.SocketErrorCode}", ex);
        }
        var length = 0;
        while (true)
        {
            int read;
            try
            {
                read = await ReceiveAsync(length, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex) when (length == 0)
            {
                throw new ConnectionClosedException($"receiving failed: {ex.SocketErrorCode}", ex);
            }
            catch (SocketException ex)
            {
                throw Truncated(command, length, ex);
            }
            if (read == 0)
            {
                throw length == 0 ? new ConnectionClosedException("EOF before the reply") : Truncated(command, length, null);
            }
            length += read;
            if (length > _maxReplyBytes + 3L)
            {
                throw new StatsSocketException(_endpoint, StatsSocketError.ReplyTooLarge,
                    $"The reply to '{command}' from {_endpoint} exceeded {_maxReplyBytes} bytes (MaxReplyBytes); the connection was dropped. Raise MaxReplyBytes or narrow the command (e.g. `show stat <proxy> <type> -1`).");
            }
            var textLength = ReplyFraming.PromptReplyLength(_buffer.AsSpan(0, length));
            if (textLength >= 0)
            {
                Replies++;
                var text = Decode(textLength);
                if (_buffer.Length > KeptBufferBytes)
                {
                    _buffer = new byte[InitialBufferBytes];
                }
                return text;
            }
        }
    }

    private StatsSocketException Truncated(string command, int length, Exception? inner) =>
        new(_endpoint, StatsSocketError.Truncated,
            $"The reply to '{command}' from {_endpoint} was cut after {length} bytes: the connection ended before the terminating empty line, so the reply is incomplete and was discarded.", inner);

    private async ValueTask SendLineAsync(string command, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(command + "\n");
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<int> ReceiveAsync(int length, CancellationToken cancellationToken)
    {
        if (length == _buffer.Length)
        {
            var limit = Math.Min((long)_maxReplyBytes + 4, Array.MaxLength);
            Array.Resize(ref _buffer, (int)Math.Max(length + 1L, Math.Min((long)_buffer.Length * 2, limit)));
        }
        return await _socket.ReceiveAsync(_buffer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
    }

    // Invalid UTF-8 becomes U+FFFD: HAProxy echoes client bytes in some replies, and a monitor must not fail on them.
    private string Decode(int length) => Encoding.UTF8.GetString(_buffer, 0, length);

    public void Dispose() => _socket.Dispose();
}
