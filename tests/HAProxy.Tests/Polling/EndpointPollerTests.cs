using HAProxy.Polling;
using HAProxy.Sockets;
using HAProxy.Tests.Rates;

namespace HAProxy.Tests.Polling;

public class EndpointPollerTests
{
    private static readonly string Csv = Fixture.Read("Stats/show-stat-2.6.12.csv");
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private static Task<string> Answer(string command, int pid = 6085) =>
        Task.FromResult(command == "show info" ? RateSamples.InfoText(pid) : Csv);

    [Fact]
    public async Task PollAsync_AnsweringSession_InfoThenStatAsOneSample()
    {
        var connection = new ScriptedConnection((c, _) => Answer(c));
        await using var poller = new EndpointPoller(() => connection, TimeProvider.System);

        var poll = await poller.PollAsync(Deadline, CancellationToken.None);

        poll.Succeeded.ShouldBeTrue(poll.Error);
        poll.Sample!.Info.Pid.ShouldBe(6085);
        poll.Sample.Stats.Count.ShouldBeGreaterThan(0);
        connection.Commands.ShouldBe(["show info", "show stat"]);
    }

    [Fact]
    public async Task PollAsync_ReconnectBetweenTheCommands_ReadsBothAgainOnce()
    {
        ScriptedConnection? connection = null;
        connection = new ScriptedConnection((c, n) =>
        {
            if (n == 2)
            {
                connection!.ConnectionGeneration = 2; // the session moved to a new process while show stat ran
            }
            return Answer(c, pid: n <= 2 ? 6085 : 7000);
        });
        await using var poller = new EndpointPoller(() => connection, TimeProvider.System);

        var poll = await poller.PollAsync(Deadline, CancellationToken.None);

        connection.Commands.ShouldBe(["show info", "show stat", "show info", "show stat"]);
        poll.Sample!.Info.Pid.ShouldBe(7000);
        poll.ConnectionGeneration.ShouldBe(2);
    }

    [Fact]
    public async Task PollAsync_HungSession_TimesOutAndReopensTheSessionNextPoll()
    {
        var opened = 0;
        var hung = new ScriptedConnection((_, _) => new TaskCompletionSource<string>().Task); // ignores cancellation too
        await using var poller = new EndpointPoller(() => ++opened == 1 ? hung : new ScriptedConnection((c, _) => Answer(c)), TimeProvider.System);

        var first = await poller.PollAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        var second = await poller.PollAsync(Deadline, CancellationToken.None);

        first.ErrorKind.ShouldBe(StatsSocketError.Timeout);
        first.Error.ShouldNotBeNull().ShouldContain("within 0.2 s");
        second.Succeeded.ShouldBeTrue(second.Error);
        opened.ShouldBe(2);
    }

    [Fact]
    public async Task PollAsync_SharedSessionHangs_KeepsIt()
    {
        var hung = new ScriptedConnection((_, _) => new TaskCompletionSource<string>().Task);
        await using var poller = new EndpointPoller(() => hung, TimeProvider.System, ownsConnection: false);

        (await poller.PollAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None)).ErrorKind.ShouldBe(StatsSocketError.Timeout);

        poller.Connection.ShouldBeSameAs(hung);
        hung.Disposed.ShouldBeFalse();
    }

    [Fact]
    public async Task PollAsync_SocketError_IsAValueWithTheAdvice()
    {
        var endpoint = StatsEndpoint.Unix("/run/test.sock");
        var failing = new ScriptedConnection((_, _) => Task.FromException<string>(
            new StatsSocketException(endpoint, StatsSocketError.PermissionDenied, "Permission denied: add the user to group haproxy")));
        await using var poller = new EndpointPoller(() => failing, TimeProvider.System);

        var poll = await poller.PollAsync(Deadline, CancellationToken.None);

        poll.Succeeded.ShouldBeFalse();
        poll.ErrorKind.ShouldBe(StatsSocketError.PermissionDenied);
        poll.Error.ShouldBe("Permission denied: add the user to group haproxy");
        poller.Connection.ShouldBeSameAs(failing);
    }

    [Fact]
    public async Task PollAsync_NotAShowInfoReply_IsAnUnusableReply()
    {
        var connection = new ScriptedConnection((c, _) => Task.FromResult(c == "show info" ? "Unknown command\n" : Csv));
        await using var poller = new EndpointPoller(() => connection, TimeProvider.System);

        var poll = await poller.PollAsync(Deadline, CancellationToken.None);

        poll.Succeeded.ShouldBeFalse();
        poll.Error.ShouldNotBeNull().ShouldStartWith("Unusable reply from");
    }
}
