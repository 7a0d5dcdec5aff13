using System.Net.Sockets;

namespace HAProxy.Sockets;

/// <summary>
/// Opens a stream socket to an endpoint within a deadline and turns every failure into a
/// <see cref="StatsSocketException"/> with a distinct error and advice.
/// </summary>
internal static class StatsSocketConnector
{
    private const int Enoent = 2;
    private const int Eacces = 13;
    private const int Enotdir = 20;

    public static async Task<Socket> ConnectAsync(StatsEndpoint endpoint, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (endpoint.Kind == StatsEndpointKind.Unix)
        {
            CheckUnixPathBeforeConnect(endpoint);
        }
        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        Socket? socket = null;
        try
        {
            if (endpoint.Kind == StatsEndpointKind.Unix)
            {
                socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                // The connect(2) of a unix socket runs on this thread before the first await completes, with
                // this thread's credentials.
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(endpoint.Path!), deadline.Token).ConfigureAwait(false);
            }
            else
            {
                socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(endpoint.Host!, endpoint.Port, deadline.Token).ConfigureAwait(false);
            }
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket?.Dispose();
            throw new StatsSocketException(endpoint, StatsSocketError.Timeout,
                $"Could not connect to the stats socket {endpoint} within {timeout.TotalSeconds:0.###} s.");
        }
        catch (SocketException ex)
        {
            socket?.Dispose();
            throw Map(endpoint, ex);
        }
        catch
        {
            socket?.Dispose();
            throw;
        }
    }

    /// <summary>A cheap stat first: a missing file or a non-socket gets its own message before connect(2).</summary>
    private static void CheckUnixPathBeforeConnect(StatsEndpoint endpoint)
    {
        var path = endpoint.Path!;
        if (System.Text.Encoding.UTF8.GetByteCount(path) > 107)
        {
            throw new StatsSocketException(endpoint, StatsSocketError.SocketMissing,
                $"The stats socket path {path} is longer than the 107 bytes a unix socket path may have. Use a shorter path (or a symlink to the socket).");
        }
        if (UnixFileStat.TryGet(path, out var stat, out var errno))
        {
            if (!stat.IsSocket)
            {
                throw new StatsSocketException(endpoint, StatsSocketError.NotAStatsSocket, StatsSocketAdvice.NotASocketFile(path, stat.Mode));
            }
            return;
        }
        switch (errno)
        {
            case Enoent:
            case Enotdir:
                var directory = Path.GetDirectoryName(path);
                throw new StatsSocketException(endpoint, StatsSocketError.SocketMissing,
                    StatsSocketAdvice.SocketMissing(path, directory is not null && !Directory.Exists(directory)));
            case Eacces:
                throw PermissionDenied(endpoint, null);
        }
    }

    public static StatsSocketException Map(StatsEndpoint endpoint, SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => new StatsSocketException(endpoint, StatsSocketError.ConnectionRefused, StatsSocketAdvice.ConnectionRefused(endpoint), ex),
        SocketError.AccessDenied => PermissionDenied(endpoint, ex),
        SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported when endpoint.Kind == StatsEndpointKind.Unix =>
            new StatsSocketException(endpoint, StatsSocketError.SocketMissing, StatsSocketAdvice.SocketMissing(endpoint.Path!, false), ex),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
            new StatsSocketException(endpoint, StatsSocketError.SocketMissing, StatsSocketAdvice.HostNotFound(endpoint), ex),
        SocketError.TimedOut => new StatsSocketException(endpoint, StatsSocketError.Timeout, $"Connecting to {endpoint} timed out.", ex),
        _ => new StatsSocketException(endpoint, StatsSocketError.Disconnected, $"Could not connect to the stats socket {endpoint}: {ex.Message} ({ex.SocketErrorCode}).", ex),
    };

    private static StatsSocketException PermissionDenied(StatsEndpoint endpoint, Exception? inner)
    {
        var path = endpoint.Path ?? endpoint.ToString();
        var account = UnixAccount.Current();
        var facts = new PermissionFacts(
            account is null ? Environment.UserName : UnixAccount.UserName(account.Uid),
            account?.Uid ?? 0,
            account?.Groups.Select(UnixAccount.GroupName).ToList() ?? [],
            null, null, null);
        if (endpoint.Kind == StatsEndpointKind.Unix && UnixFileStat.TryGet(path, out var stat, out _))
        {
            facts = facts with { SocketOwner = UnixAccount.UserName(stat.Uid), SocketGroup = UnixAccount.GroupName(stat.Gid), SocketMode = stat.Mode };
        }
        return new StatsSocketException(endpoint, StatsSocketError.PermissionDenied, StatsSocketAdvice.PermissionDenied(path, facts), inner);
    }
}
