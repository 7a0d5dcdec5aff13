using HAProxy.Sockets;

namespace HAProxy.Admin;

/// <summary>Runs admin commands on a stats connection and checks HAProxy's reply.</summary>
public sealed class AdminClient
{
    private readonly IStatsConnection _connection;

    public AdminClient(IStatsConnection connection) => _connection = connection;

    /// <summary>
    /// Runs one admin command. A reply of HAProxy's error text returns <see cref="AdminResult.Succeeded"/> false with
    /// that text; a socket below admin level throws <see cref="StatsSocketException"/> with
    /// <see cref="StatsSocketError.InsufficientLevel"/>.
    /// </summary>
    public Task<AdminResult> ExecuteAsync(string command, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("owned by the sockets work");
}
