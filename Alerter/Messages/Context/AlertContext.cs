namespace Alerter.Messages.Context;

/// <summary>The traffic around one alert, as plain values (rendering is pure over these).</summary>
/// <param name="Server">The server's series; null for backend events.</param>
/// <param name="Backend">The backend's series (its BACKEND row).</param>
/// <param name="BackendServers">The backend's servers and their status now (e.g. <c>UP</c>, <c>DOWN 1/2</c>, <c>MAINT</c>), each
/// with the time of its sample or of the logged transition that is newer than its sample.</param>
/// <param name="ServersAsOf">Time of the newest sample among <paramref name="BackendServers"/>.</param>
public sealed record AlertContext(
    SeriesContext? Server,
    SeriesContext Backend,
    IReadOnlyList<BackendServerState> BackendServers,
    DateTimeOffset? ServersAsOf);
