namespace Alerter.Policy;

/// <summary>
/// What flap detection remembers about one server (persisted, so it survives restarts): the times of its recent
/// state changes, whether it is flapping, and its last change.
/// </summary>
public sealed record FlapState(ServerKey Server, IReadOnlyList<DateTimeOffset> Changes, bool Flapping, DateTimeOffset? LastChange, string? LastKind)
{
    public static FlapState Empty(ServerKey server) => new(server, [], false, null, null);
}
