using HAProxy.Admin;

namespace HAProxy.Tests.Admin;

public sealed class AdminCommandTests
{
    private static readonly ServerRef Srv = new("be_app", "web-1.a:80");

    [Theory]
    [InlineData(ServerAdminState.Ready, "set server be_app/web-1.a:80 state ready")]
    [InlineData(ServerAdminState.Drain, "set server be_app/web-1.a:80 state drain")]
    [InlineData(ServerAdminState.Maint, "set server be_app/web-1.a:80 state maint")]
    public void SetState_EachState_BuildsCommand(ServerAdminState state, string expected)
    {
        AdminCommand.SetState(Srv, state).ShouldBe(expected);
    }

    [Fact]
    public void SetState_UndefinedState_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => AdminCommand.SetState(Srv, (ServerAdminState)42));
    }

    [Theory]
    [InlineData(0, "set server be_app/web-1.a:80 weight 0")]
    [InlineData(256, "set server be_app/web-1.a:80 weight 256")]
    public void SetWeight_InRange_BuildsCommand(int weight, string expected)
    {
        AdminCommand.SetWeight(Srv, weight).ShouldBe(expected);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(257)]
    public void SetWeight_OutOfRange_Throws(int weight)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => AdminCommand.SetWeight(Srv, weight));
    }

    [Fact]
    public void SetWeightPercent_Value_BuildsRelativeCommand()
    {
        AdminCommand.SetWeightPercent(Srv, 50).ShouldBe("set server be_app/web-1.a:80 weight 50%");
        Should.Throw<ArgumentOutOfRangeException>(() => AdminCommand.SetWeightPercent(Srv, -5));
    }

    [Fact]
    public void HealthAndSessionCommands_BuildHAProxyText()
    {
        AdminCommand.EnableHealth(Srv).ShouldBe("enable health be_app/web-1.a:80");
        AdminCommand.DisableHealth(Srv).ShouldBe("disable health be_app/web-1.a:80");
        AdminCommand.SetHealth(Srv, up: true).ShouldBe("set server be_app/web-1.a:80 health up");
        AdminCommand.SetHealth(Srv, up: false).ShouldBe("set server be_app/web-1.a:80 health down");
        AdminCommand.ShutdownSessions(Srv).ShouldBe("shutdown sessions server be_app/web-1.a:80");
        AdminCommand.GetWeight(Srv).ShouldBe("get weight be_app/web-1.a:80");
    }

    [Fact]
    public void AnyCommand_DefaultServerRef_ThrowsInsteadOfSendingNullNames()
    {
        Should.Throw<ArgumentException>(() => AdminCommand.ShutdownSessions(default));
    }
}
