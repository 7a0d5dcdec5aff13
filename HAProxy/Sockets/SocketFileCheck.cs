namespace HAProxy.Sockets;

/// <summary>
/// Whether a unix stats socket file is still the one a connection was opened on. A reload binds a new socket at
/// the same path while an open connection stays attached to the old process (and keeps it alive, reporting
/// frozen numbers), so a replaced file means: reconnect. Used by <see cref="StatsSession"/> and <see cref="RingConnection"/>.
/// </summary>
public static class SocketFileCheck
{
    private const int Enosys = 38;

    /// <summary>The socket file's identity before connecting, or null (TCP endpoint, or no file to stat).</summary>
    public static UnixFileStat? BeforeConnect(StatsEndpoint endpoint) =>
        endpoint.Kind == StatsEndpointKind.Unix && UnixFileStat.TryGet(endpoint.Path!, out var stat, out _) ? stat : null;

    /// <summary>Why the connection opened on <paramref name="opened"/> no longer reaches the live process, or null.</summary>
    public static string? Problem(StatsEndpoint endpoint, UnixFileStat? opened)
    {
        if (endpoint.Kind != StatsEndpointKind.Unix || opened is not { } before)
        {
            return null;
        }
        if (!UnixFileStat.TryGet(endpoint.Path!, out var now, out var errno))
        {
            return errno == Enosys ? null : $"the socket file {endpoint.Path} is gone (errno {errno})";
        }
        return now.IsSameFile(before) ? null : $"the socket file {endpoint.Path} was replaced (inode {before.Inode} -> {now.Inode}): a reload";
    }
}
