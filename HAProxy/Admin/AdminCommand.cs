namespace HAProxy.Admin;

/// <summary>Builds the text of HAProxy's server admin commands. Pure: no I/O.</summary>
public static class AdminCommand
{
    public static string SetState(ServerRef server, ServerAdminState state) => throw new NotImplementedException("owned by the sockets work");

    /// <summary><c>set server P/S weight N</c>; N in 0..256.</summary>
    public static string SetWeight(ServerRef server, int weight) => throw new NotImplementedException("owned by the sockets work");

    /// <summary><c>set server P/S weight N%</c>, relative to the initial weight.</summary>
    public static string SetWeightPercent(ServerRef server, int percent) => throw new NotImplementedException("owned by the sockets work");

    public static string EnableHealth(ServerRef server) => throw new NotImplementedException("owned by the sockets work");

    public static string DisableHealth(ServerRef server) => throw new NotImplementedException("owned by the sockets work");

    /// <summary><c>set server P/S health up|down</c>.</summary>
    public static string SetHealth(ServerRef server, bool up) => throw new NotImplementedException("owned by the sockets work");

    public static string ShutdownSessions(ServerRef server) => throw new NotImplementedException("owned by the sockets work");

    /// <summary><c>get weight P/S</c>.</summary>
    public static string GetWeight(ServerRef server) => throw new NotImplementedException("owned by the sockets work");
}
