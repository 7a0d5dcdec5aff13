namespace HAProxy.Sockets;

public enum StatsEndpointKind
{
    Unix,
    Tcp,
}
