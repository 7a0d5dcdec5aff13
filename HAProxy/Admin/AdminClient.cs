using HAProxy.Sockets;

namespace HAProxy.Admin;

/// <summary>Runs admin commands on a stats connection and checks HAProxy's reply.</summary>
public sealed class AdminClient
{
    private const string PermissionDenied = "Permission denied";

    private readonly IStatsConnection _connection;

    public AdminClient(IStatsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    /// <summary>
    /// Runs one admin command. A reply of HAProxy's error text returns <see cref="AdminResult.Succeeded"/> false with
    /// that text; a socket below admin level throws <see cref="StatsSocketException"/> with
    /// <see cref="StatsSocketError.InsufficientLevel"/>.
    /// </summary>
    /// <remarks>Admin commands answer nothing on success. For commands that answer with data use <see cref="QueryAsync"/>.</remarks>
    public async Task<AdminResult> ExecuteAsync(string command, CancellationToken cancellationToken = default)
    {
        var reply = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        return new AdminResult(command, reply.Length == 0, reply);
    }

    /// <summary>
    /// Runs a command that answers with data (such as <c>get weight</c>): succeeded when
    /// <paramref name="isAnswer"/> accepts the reply, otherwise the reply is HAProxy's error text.
    /// </summary>
    public async Task<AdminResult> QueryAsync(string command, Func<string, bool> isAnswer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isAnswer);
        var reply = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        return new AdminResult(command, isAnswer(reply), reply);
    }

    /// <summary>Reads a server's current and initial weight.</summary>
    /// <exception cref="StatsSocketException"><see cref="StatsSocketError.CommandRejected"/> with HAProxy's text (e.g. <c>No such server.</c>).</exception>
    public async Task<ServerWeight> GetWeightAsync(ServerRef server, CancellationToken cancellationToken = default)
    {
        var command = AdminCommand.GetWeight(server);
        var reply = await RunAsync(command, cancellationToken).ConfigureAwait(false);
        return ServerWeight.TryParse(reply, out var weight)
            ? weight
            : throw new StatsSocketException(_connection.Endpoint, StatsSocketError.CommandRejected, $"HAProxy refused '{command}': {reply}");
    }

    private async Task<string> RunAsync(string command, CancellationToken cancellationToken)
    {
        var reply = (await _connection.ExecuteAsync(command, cancellationToken).ConfigureAwait(false)).TrimEnd('\n');
        if (reply.StartsWith(PermissionDenied, StringComparison.Ordinal))
        {
            throw new StatsSocketException(_connection.Endpoint, StatsSocketError.InsufficientLevel,
                StatsSocketAdvice.InsufficientLevel(_connection.Endpoint, command));
        }
        return reply;
    }
}
