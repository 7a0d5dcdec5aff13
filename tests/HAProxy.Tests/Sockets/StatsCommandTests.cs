using HAProxy.Sockets;

namespace HAProxy.Tests.Sockets;

public sealed class StatsCommandTests
{
    [Theory]
    [InlineData("show stat")]
    [InlineData("set server be/srv1 state drain")]
    [InlineData("set map /etc/m.map key value\\;with-semicolon")]
    public void Validate_SafeCommand_DoesNotThrow(string command)
    {
        Should.NotThrow(() => StatsCommand.Validate(command));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" \t ", "empty")]
    [InlineData("show info\nshow stat", "line break")]
    [InlineData("show info\r", "line break")]
    [InlineData("show info;disable server be/s", "';'")]
    [InlineData(";", "';'")]
    [InlineData("show\u0000info", "control character")]
    public void Validate_UnsafeCommand_ThrowsWithReason(string command, string reason)
    {
        var error = Should.Throw<ArgumentException>(() => StatsCommand.Validate(command));

        error.Message.ShouldContain(reason);
    }

    [Theory]
    [InlineData("show info", true)]
    [InlineData(" show info ", true)]
    [InlineData("show info typed", false)]
    [InlineData("show stat", false)]
    public void IsShowInfo_Command_RecognisesPlainShowInfo(string command, bool expected)
    {
        StatsCommand.IsShowInfo(command).ShouldBe(expected);
    }
}
