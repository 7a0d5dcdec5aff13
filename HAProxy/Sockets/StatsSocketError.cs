namespace HAProxy.Sockets;

/// <summary>Distinct reasons a stats socket conversation fails; each maps to advice a person can act on.</summary>
public enum StatsSocketError
{
    /// <summary>The socket file does not exist (HAProxy not running, or a different path configured).</summary>
    SocketMissing,
    /// <summary>The process may not open the socket file (user/group/mode).</summary>
    PermissionDenied,
    /// <summary>Nothing listens: a stale socket file left by a stopped HAProxy, or a closed TCP port.</summary>
    ConnectionRefused,
    /// <summary>Something answered, but not like an HAProxy stats socket.</summary>
    NotAStatsSocket,
    /// <summary>No complete reply within the command deadline.</summary>
    Timeout,
    /// <summary>The connection ended before the reply's terminating empty line: the reply is incomplete.</summary>
    Truncated,
    /// <summary>The connection was closed by HAProxy (reload, stats timeout) between commands.</summary>
    Disconnected,
    /// <summary>The socket is not at the level the command needs (e.g. admin command on a <c>level operator</c> socket).</summary>
    InsufficientLevel,
    /// <summary>HAProxy understood the connection but refused or failed the command; its text is in the message.</summary>
    CommandRejected,
    /// <summary>The reply grew beyond the configured maximum (<c>MaxReplyBytes</c>) before it ended.</summary>
    ReplyTooLarge,
}
