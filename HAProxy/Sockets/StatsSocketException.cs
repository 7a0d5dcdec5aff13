namespace HAProxy.Sockets;

/// <summary>A stats socket failure with a distinct <see cref="Error"/> and a message that says what to do.</summary>
public sealed class StatsSocketException : Exception
{
    public StatsSocketException(StatsEndpoint endpoint, StatsSocketError error, string message, Exception? inner = null)
        : base(message, inner)
    {
        Endpoint = endpoint;
        Error = error;
    }

    public StatsEndpoint Endpoint { get; }

    public StatsSocketError Error { get; }
}
