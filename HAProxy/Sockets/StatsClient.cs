using System.Net.Sockets;
using System.Text;

namespace HAProxy.Sockets;

/// <summary>One-shot commands: connect, send, read the reply up to its terminating empty line, close.</summary>
public static class StatsClient
{
    /// <summary>Largest one-shot reply accepted, in bytes (256 MiB).</summary>
    public const int MaxReplyBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="command"/> (several may be joined with <c>;</c>) in HAProxy's non-interactive mode and
    /// reads until HAProxy closes the connection. Returns the text without the terminating empty line.
    /// </summary>
    /// <param name="timeout">Deadline for connecting and for the whole reply.</param>
    /// <exception cref="ArgumentException">The command is empty or holds a line break.</exception>
    /// <exception cref="StatsSocketException">Transport failure, deadline, truncated reply.</exception>
    public static async Task<string> ExecuteOnceAsync(StatsEndpoint endpoint, string command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        StatsCommand.Validate(command, allowSeparator: true);
        using var timer = new CancellationTokenSource(timeout);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        using var socket = await StatsSocketConnector.ConnectAsync(endpoint, timeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        var length = 0;
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(command + "\n"), SocketFlags.None, deadline.Token).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= MaxReplyBytes)
                    {
                        throw new StatsSocketException(endpoint, StatsSocketError.ReplyTooLarge,
                            $"The reply to '{command}' from {endpoint} exceeded {MaxReplyBytes} bytes; narrow the command.");
                    }
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxReplyBytes));
                }
                var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                length += read;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StatsSocketException(endpoint, StatsSocketError.Timeout,
                $"No complete reply to '{command}' from {endpoint} within {timeout.TotalSeconds:0.###} s.");
        }
        catch (SocketException ex) when (length > 0)
        {
            throw Truncated(endpoint, command, length, ex);
        }
        catch (SocketException ex)
        {
            throw new StatsSocketException(endpoint, StatsSocketError.Disconnected,
                $"{endpoint} closed the connection before answering '{command}' ({ex.SocketErrorCode}).", ex);
        }
        var textLength = ReplyFraming.OneShotReplyLength(buffer.AsSpan(0, length));
        if (textLength < 0)
        {
            throw length == 0
                ? new StatsSocketException(endpoint, StatsSocketError.Disconnected, $"{endpoint} closed the connection without answering '{command}'.")
                : Truncated(endpoint, command, length, null);
        }
        return Encoding.UTF8.GetString(buffer, 0, textLength);
    }

    private static StatsSocketException Truncated(StatsEndpoint endpoint, string command, int length, Exception? inner) =>
        new(endpoint, StatsSocketError.Truncated,
            $"The reply to '{command}' from {endpoint} ended after {length} bytes without its terminating empty line: it is incomplete and was discarded.", inner);
}
