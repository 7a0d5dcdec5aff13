using System.Globalization;

namespace HAProxy.Admin;

/// <summary>
/// Builds the text of HAProxy's server admin commands. Pure: no I/O. Names come from <see cref="ServerRef"/>,
/// which admits only HAProxy's name characters, so no command text can be injected through a name.
/// </summary>
public static class AdminCommand
{
    /// <summary>Largest absolute weight HAProxy accepts.</summary>
    public const int MaxWeight = 256;

    /// <summary>Largest relative weight accepted here: 256 times the initial weight of 1.</summary>
    public const int MaxWeightPercent = MaxWeight * 100;

    /// <summary><c>set server P/S state ready|drain|maint</c>.</summary>
    public static string SetState(ServerRef server, ServerAdminState state) => state switch
    {
        ServerAdminState.Ready => $"set server {Name(server)} state ready",
        ServerAdminState.Drain => $"set server {Name(server)} state drain",
        ServerAdminState.Maint => $"set server {Name(server)} state maint",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Expected Ready, Drain or Maint."),
    };

    /// <summary><c>set server P/S weight N</c>; N in 0..256.</summary>
    public static string SetWeight(ServerRef server, int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, MaxWeight);
        return string.Create(CultureInfo.InvariantCulture, $"set server {Name(server)} weight {weight}");
    }

    /// <summary><c>set server P/S weight N%</c>, relative to the initial weight (HAProxy caps the result at 256).</summary>
    public static string SetWeightPercent(ServerRef server, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, MaxWeightPercent);
        return string.Create(CultureInfo.InvariantCulture, $"set server {Name(server)} weight {percent}%");
    }

    /// <summary><c>enable health P/S</c>: resume health checks.</summary>
    public static string EnableHealth(ServerRef server) => $"enable health {Name(server)}";

    /// <summary><c>disable health P/S</c>: stop health checks (status shows <c>no check</c>).</summary>
    public static string DisableHealth(ServerRef server) => $"disable health {Name(server)}";

    /// <summary><c>set server P/S health up|down</c>.</summary>
    public static string SetHealth(ServerRef server, bool up) => $"set server {Name(server)} health {(up ? "up" : "down")}";

    /// <summary><c>shutdown sessions server P/S</c>: closes every session on the server.</summary>
    public static string ShutdownSessions(ServerRef server) => $"shutdown sessions server {Name(server)}";

    /// <summary><c>get weight P/S</c>: a query; its reply is <c>N (initial M)</c>.</summary>
    public static string GetWeight(ServerRef server) => $"get weight {Name(server)}";

    // default(ServerRef) has null names and bypassed validation.
    private static string Name(ServerRef server) => server.Proxy is null || server.Server is null
        ? throw new ArgumentException("The server reference is empty (default ServerRef); build it with new ServerRef(proxy, server).", nameof(server))
        : server.ToString();
}
