using HAProxy.Info;

namespace HAProxy.Tests.Info;

public class ProcessInfoTests
{
    [Fact]
    public void Parse_RealCapture_TypedFields()
    {
        var info = ProcessInfo.Parse(Fixture.Read("Stats/show-info-2.6.12.txt"));

        info.Name.ShouldBe("HAProxy");
        info.Version.ShouldBe("2.6.12-1+deb12u4");
        info.Pid.ShouldBe(9228);
        info.UptimeSeconds.ShouldBe(1);
        info.StartTimeUnixSeconds.ShouldBe(1795300082);
        info.Stopping.ShouldBeFalse();
        info.MaxConnections.ShouldBe(9985);
        info.Tasks.ShouldBe(15);
        info.RunQueue.ShouldBe(0);
        info.IdlePct.ShouldBe(100);
        info.Node.ShouldBe("vm");
        info.Get("Unstoppable Jobs").ShouldBe("0");
        info.Get("Build info").ShouldBe("2.6.12-1+deb12u4");
    }

    [Fact]
    public void Stopping_OldProcessAfterReload_IsTrue()
    {
        var info = ProcessInfo.Parse("Name: HAProxy\nPid: 6085\nStopping: 1\n");

        info.Stopping.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Unknown command.\n")]
    [InlineData("Name: HAProxy\nVersion: 2.6\n")]
    public void Parse_NotAShowInfoReply_ThrowsClearError(string text)
    {
        Should.Throw<FormatException>(() => ProcessInfo.Parse(text)).Message.ShouldStartWith("Not a 'show info' reply");
    }

    [Fact]
    public void GetInt64_GarbageValue_IsNull()
    {
        var info = ProcessInfo.Parse("Pid: 12\nTasks: many\n");

        info.Tasks.ShouldBeNull();
        info.Pid.ShouldBe(12);
    }
}
