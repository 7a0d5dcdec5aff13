using HAProxy.Admin;
using HAProxy.Sockets;

namespace HAProxy.Tests.Admin;

public sealed class AdminClientTests
{
    private static readonly ServerRef Srv = new("be", "srv1");

    /// <summary>Answers from a table and records what was sent.</summary>
    private sealed class ScriptedConnection(Dictionary<string, string> replies) : IStatsConnection
    {
        public List<string> Sent { get; } = [];

        public StatsEndpoint Endpoint { get; } = StatsEndpoint.Unix("/run/haproxy/admin.sock");

        public ProcessIdentity? Process => null;

        public long ConnectionGeneration => 1;

        public Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default)
        {
            Sent.Add(command);
            return Task.FromResult(replies[command]);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ExecuteAsync_EmptyReply_Succeeded()
    {
        var command = AdminCommand.SetState(Srv, ServerAdminState.Drain);
        var connection = new ScriptedConnection(new() { [command] = "" });

        var result = await new AdminClient(connection).ExecuteAsync(command);

        result.ShouldBe(new AdminResult(command, true, ""));
        connection.Sent.ShouldBe([command]);
    }

    [Fact]
    public async Task ExecuteAsync_ErrorText_NotSucceededWithHAProxysText()
    {
        var connection = new ScriptedConnection(new() { ["set server be/srv1 weight 300"] = "Absolute weight can only be between 0 and 256 inclusive.\n" });

        var result = await new AdminClient(connection).ExecuteAsync("set server be/srv1 weight 300");

        result.Succeeded.ShouldBeFalse();
        result.Reply.ShouldBe("Absolute weight can only be between 0 and 256 inclusive.");
    }

    [Fact]
    public async Task ExecuteAsync_PermissionDenied_ThrowsInsufficientLevelWithAdvice()
    {
        var command = AdminCommand.DisableHealth(Srv);
        var connection = new ScriptedConnection(new() { [command] = "Permission denied\n" });

        var error = await Should.ThrowAsync<StatsSocketException>(() => new AdminClient(connection).ExecuteAsync(command));

        error.Error.ShouldBe(StatsSocketError.InsufficientLevel);
        error.Message.ShouldContain("level admin");
        error.Endpoint.ShouldBe(connection.Endpoint);
    }

    [Fact]
    public async Task GetWeightAsync_Reply_ParsesWeights()
    {
        var connection = new ScriptedConnection(new() { ["get weight be/srv1"] = "7 (initial 10)\n" });

        (await new AdminClient(connection).GetWeightAsync(Srv)).ShouldBe(new ServerWeight(7, 10));
    }

    [Fact]
    public async Task GetWeightAsync_NoSuchServer_ThrowsCommandRejectedWithText()
    {
        var connection = new ScriptedConnection(new() { ["get weight be/srv1"] = "No such server.\n" });

        var error = await Should.ThrowAsync<StatsSocketException>(() => new AdminClient(connection).GetWeightAsync(Srv));

        error.Error.ShouldBe(StatsSocketError.CommandRejected);
        error.Message.ShouldContain("No such server.");
    }

    [Fact]
    public async Task QueryAsync_AnswerPredicate_DecidesSuccess()
    {
        var connection = new ScriptedConnection(new() { ["show cli level"] = "admin\n" });
        var client = new AdminClient(connection);

        (await client.QueryAsync("show cli level", r => r is "admin" or "operator" or "user")).Succeeded.ShouldBeTrue();
        (await client.QueryAsync("show cli level", r => r == "user")).ShouldBe(new AdminResult("show cli level", false, "admin"));
    }
}
