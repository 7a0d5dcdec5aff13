using HAProxy.Logs;

namespace Alerter.Policy;

/// <summary>
/// What flap detection remembers about one server (persisted, so it survives restarts): the times of its recent
/// state changes, whether it is flapping, and its last change: when, and which of DOWN/UP it was
/// (<see cref="LastKind"/>), which is also the state the server is in as far as the log says.
/// </summary>
public sealed record FlapState(ServerKey Server, IReadOnlyList<DateTimeOffset> Changes, bool Flapping, DateTimeOffset? LastChange, LogEventKind? LastKind)
{
    public static FlapState Empty(ServerKey server) => new(server, [], false, null, null);
}
