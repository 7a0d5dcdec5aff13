using HAProxy.Stats;

namespace HAProxy.Tests.Stats;

public class ServerStatusTests
{
    [Theory]
    [InlineData("UP", ServerState.Up, null, null, 1)]
    [InlineData("DOWN", ServerState.Down, null, null, 0)]
    [InlineData("UP 1/2", ServerState.Up, 1, 2, 1)]
    [InlineData("DOWN 1/2", ServerState.Down, 1, 2, 0)]
    [InlineData("UP 4/5", ServerState.Up, 4, 5, 1)]
    [InlineData("DOWN 2/3", ServerState.Down, 2, 3, 0)]
    [InlineData("DOWN 17/30", ServerState.Down, 17, 30, 0)]
    [InlineData("NOLB", ServerState.NoLb, null, null, 1)]
    [InlineData("NOLB 1/2", ServerState.NoLb, 1, 2, 1)]
    [InlineData("MAINT", ServerState.Maint, null, null, 0)]
    [InlineData("DRAIN", ServerState.Drain, null, null, 1)]
    [InlineData("no check", ServerState.NoCheck, null, null, 1)]
    [InlineData("OPEN", ServerState.Open, null, null, 1)]
    [InlineData("FULL", ServerState.Full, null, null, 1)]
    [InlineData("STOP", ServerState.Stopped, null, null, 0)]
    public void Parse_StateWordAndTransition(string text, ServerState state, int? step, int? of, int up)
    {
        var status = ServerStatus.Parse(text);

        status.State.ShouldBe(state);
        status.TransitionStep.ShouldBe(step);
        status.TransitionOf.ShouldBe(of);
        status.IsTransitioning.ShouldBe(step is not null);
        status.Up.ShouldBe(up);
        status.Raw.ShouldBe(text);
    }

    [Fact]
    public void Parse_MaintViaTrackedServer_KeepsTheTrackedName()
    {
        var status = ServerStatus.Parse("MAINT (via be/srv1)");

        status.State.ShouldBe(ServerState.Maint);
        status.Via.ShouldBe("be/srv1");
        status.Up.ShouldBe(0);
    }

    [Fact]
    public void Parse_OtherParenthesisedDetail_IsDetailNotVia()
    {
        var status = ServerStatus.Parse("MAINT (resolution)");

        status.State.ShouldBe(ServerState.Maint);
        status.Detail.ShouldBe("resolution");
        status.Via.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("WEIRD")]
    [InlineData("UP/2")]
    [InlineData("\uFFFD\uFFFD")]
    public void Parse_Unrecognised_IsUnknownWithNoUpValue(string text)
    {
        var status = ServerStatus.Parse(text);

        status.State.ShouldBe(ServerState.Unknown);
        status.Up.ShouldBeNull();
        status.IsTransitioning.ShouldBeFalse();
    }

    [Fact]
    public void Parse_RealCaptureStatuses_AreAllRecognised()
    {
        var table = StatCsvParser.Parse(Fixture.Read("Stats/show-stat-2.6.12.csv"));

        table.Select(r => r.Status.State).ShouldBe(
            [ServerState.Up, ServerState.Up, ServerState.Down, ServerState.Up, ServerState.Open, ServerState.Up]);
    }
}
