namespace HAProxy.Sockets;

/// <summary>
/// A persistent prompt-mode session with one stats socket. Reconnects on EOF, on a new socket inode, when
/// <c>show info</c> says <c>Stopping: 1</c> and when the Pid changes, because an open CLI session keeps an
/// old process alive after a reload and would keep reporting its frozen numbers.
/// </summary>
/// <remarks>
/// Calls are serialized: one command is on the wire at a time. Before each command the session checks, cheaply,
/// that the socket file is the one it connected to, that nothing is pending on the connection, and (every
/// <see cref="StatsSessionOptions.ProcessCheckInterval"/>) that the process answering is not stopping.
/// </remarks>
public sealed partial class StatsSession : IStatsConnection
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PromptConnection? _connection;
    private readonly object _state = new();
    private ProcessIdentity? _process;
    private long _generation;
    private string? _lastReconnectReason;
    private bool _disposed;

    public StatsSession(StatsEndpoint endpoint, StatsSessionOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        Options = options ?? new StatsSessionOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    public StatsEndpoint Endpoint { get; }

    public StatsSessionOptions Options { get; }

    public ProcessIdentity? Process
    {
        get
        {
            lock (_state)
            {
                return _process;
            }
        }
    }

    public long ConnectionGeneration => Interlocked.Read(ref _generation);

    /// <summary>Why the previous connection was dropped (null before the first reconnect). For logs.</summary>
    public string? LastReconnectReason => Volatile.Read(ref _lastReconnectReason);

    /// <summary>
    /// Sends one command and returns the reply text: its lines, each ending with <c>\n</c>, without the
    /// terminating empty line and prompt; an empty string when HAProxy printed nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The command is empty or holds a line break or an unescaped ';'.</exception>
    /// <exception cref="StatsSocketException">Transport failure, deadline, truncated or oversized reply.</exception>
    public async Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default)
    {
        StatsCommand.Validate(command);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await ExecuteLockedAsync(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> ExecuteLockedAsync(string command, CancellationToken cancellationToken)
    {
        var connection = await EnsureLiveConnectionAsync(cancellationToken).ConfigureAwait(false);
        var retried = false;
        var stoppingRetries = 0;
        while (true)
        {
            string reply;
            try
            {
                reply = await RunAsync(connection, command, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionClosedException ex) when (!retried)
            {
                // Closed between commands (idle timeout, reload): the command never ran; reconnect and retry once.
                retried = true;
                Drop("HAProxy closed the connection before answering: " + ex.Message);
                connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (ConnectionClosedException ex)
            {
                Drop("HAProxy closed the connection again: " + ex.Message);
                throw new StatsSocketException(Endpoint, StatsSocketError.Disconnected,
                    $"{Endpoint} closed the connection before answering '{command}', also after reconnecting. Is HAProxy stopping or restarting?", ex);
            }
            if (StatsCommand.IsShowInfo(command) && !AcceptShowInfo(connection, reply) && stoppingRetries++ < 2)
            {
                Drop("show info said Stopping: 1 (an old process after a reload)");
                connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            return reply;
        }
    }

    /// <summary>Runs one command on a connection within the command deadline; any failure drops the connection.</summary>
    private async Task<string> RunAsync(PromptConnection connection, string command, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(Options.CommandTimeout, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await connection.ExecuteAsync(command, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Drop($"'{command}' timed out");
            throw new StatsSocketException(Endpoint, StatsSocketError.Timeout,
                $"No complete reply to '{command}' from {Endpoint} within {Options.CommandTimeout.TotalSeconds:0.###} s (CommandTimeout); the connection was dropped and the next command reconnects.");
        }
        catch (ConnectionClosedException)
        {
            throw;
        }
        catch
        {
            // Cancelled, truncated, too large: the connection's state is unknown.
            Drop($"'{command}' failed");
            throw;
        }
    }

    private void Drop(string reason)
    {
        if (_connection is null)
        {
            return;
        }
        _connection.Dispose();
        _connection = null;
        Volatile.Write(ref _lastReconnectReason, reason);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
