namespace HAProxy.Sockets;

/// <summary>
/// The peer closed the connection before sending one byte of the reply: safe to reconnect and retry once
/// (HAProxy closed an idle session, or a reload took the process away). Internal to the session.
/// </summary>
internal sealed class ConnectionClosedException(string message, Exception? inner = null) : Exception(message, inner);
