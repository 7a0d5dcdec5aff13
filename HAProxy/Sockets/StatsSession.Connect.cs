using System.Globalization;
using HAProxy.Info;

namespace HAProxy.Sockets;

public sealed partial class StatsSession
{
    private const int MaxConnectAttempts = 3;

    /// <summary>
    /// Returns a connection that talks to the live process: drops the current one when the socket file was
    /// replaced (reload), when HAProxy closed it, or when a <c>show info</c> due now says Stopping.
    /// </summary>
    private async Task<PromptConnection> EnsureLiveConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } current)
        {
            if (SocketFileProblem(current) is { } fileProblem)
            {
                Drop(fileProblem);
            }
            else if (current.IdleProblem() is { } idleProblem)
            {
                Drop(idleProblem);
            }
        }
        if (_connection is null)
        {
            return await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        var connection = _connection;
        if (_time.GetElapsedTime(connection.LastProofTimestamp) < Options.ProcessCheckInterval)
        {
            return connection;
        }
        string info;
        try
        {
            info = await RunAsync(connection, "show info", cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionClosedException ex)
        {
            Drop("HAProxy closed the connection: " + ex.Message);
            return await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        if (AcceptShowInfo(connection, info))
        {
            return connection;
        }
        Drop("show info said Stopping: 1 (an old process after a reload)");
        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For unix endpoints: a different inode (or no file) at the path means the process was replaced.</summary>
    private string? SocketFileProblem(PromptConnection connection) => SocketFileCheck.Problem(Endpoint, connection.SocketFile);

    /// <summary>
    /// Opens a new connection and enters prompt mode, sets the idle timeout and reads <c>show info</c> to learn
    /// the process; a stopping process is left and the connect tried again.
    /// </summary>
    private async Task<PromptConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Drop("reconnecting");
        for (var attempt = 1; ; attempt++)
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            string info;
            try
            {
                info = await RunHandshakeCommandAsync(connection, "show info", cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
            _connection = connection;
            Interlocked.Increment(ref _generation);
            if (AcceptShowInfo(connection, info))
            {
                return connection;
            }
            Drop("show info said Stopping: 1 right after connecting");
            if (attempt >= MaxConnectAttempts)
            {
                throw new StatsSocketException(Endpoint, StatsSocketError.Disconnected,
                    $"Every new connection to {Endpoint} reached a stopping HAProxy process ({MaxConnectAttempts} tries). HAProxy is shutting down; no new process has taken over yet.");
            }
        }
    }

    private async Task<PromptConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Stat before connecting: if the file is replaced in between, the next check reconnects once more.
        var socketFile = SocketFileCheck.BeforeConnect(Endpoint);
        var socket = await StatsSocketConnector.ConnectAsync(Endpoint, Options.ConnectTimeout, _time, cancellationToken).ConfigureAwait(false);
        var connection = new PromptConnection(socket, Endpoint, Options.MaxReplyBytes, socketFile);
        try
        {
            using var timer = new CancellationTokenSource(Options.ConnectTimeout, _time);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            try
            {
                await connection.EnterPromptModeAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StatsSocketException(Endpoint, StatsSocketError.Timeout,
                    $"Connected to {Endpoint}, but no HAProxy prompt came back within {Options.ConnectTimeout.TotalSeconds:0.###} s (ConnectTimeout). Is this HAProxy's stats socket, and is HAProxy responsive?");
            }
            var seconds = Math.Max(1, (long)Math.Ceiling(Options.CliIdleTimeout.TotalSeconds));
            // A socket below the level that allows it answers with text; the session still works, HAProxy's
            // `stats timeout` then applies and an idle close is handled by reconnecting.
            await RunHandshakeCommandAsync(connection, "set timeout cli " + seconds.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task<string> RunHandshakeCommandAsync(PromptConnection connection, string command, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(Options.CommandTimeout, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await connection.ExecuteAsync(command, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StatsSocketException(Endpoint, StatsSocketError.Timeout,
                $"No reply to '{command}' from {Endpoint} within {Options.CommandTimeout.TotalSeconds:0.###} s while opening the session.");
        }
        catch (ConnectionClosedException ex)
        {
            throw new StatsSocketException(Endpoint, StatsSocketError.Disconnected,
                $"{Endpoint} closed the connection while the session was being opened ('{command}').", ex);
        }
    }

    /// <summary>
    /// Records which process answered a <c>show info</c>; false when it is stopping (an old process kept alive
    /// only by this connection). Text that is not a <c>show info</c> reply means this is not a stats socket.
    /// </summary>
    private bool AcceptShowInfo(PromptConnection connection, string reply)
    {
        ProcessInfo info;
        try
        {
            info = ProcessInfo.Parse(reply);
        }
        catch (FormatException)
        {
            Drop("show info reply was not HAProxy's");
            throw new StatsSocketException(Endpoint, StatsSocketError.NotAStatsSocket, StatsSocketAdvice.NotAStatsSocket(Endpoint, reply));
        }
        if (info.Stopping)
        {
            return false;
        }
        var identity = new ProcessIdentity(info.Pid ?? 0, info.StartTimeUnixSeconds ?? 0);
        lock (_state)
        {
            _process = identity;
        }
        connection.LastProofTimestamp = _time.GetTimestamp();
        return true;
    }
}
