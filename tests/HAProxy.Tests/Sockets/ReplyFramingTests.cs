using System.Text;
using HAProxy.Sockets;

namespace HAProxy.Tests.Sockets;

public sealed class ReplyFramingTests
{
    [Theory]
    [InlineData("\n> ", 0)]
    [InlineData("admin\n\n> ", 6)]
    [InlineData("a\nb\n\n> ", 4)]
    [InlineData("a\n> b\n\n> ", 6)]
    [InlineData("a\n> ", -1)]
    [InlineData("a\n\n>", -1)]
    [InlineData("a\n\n> x", -1)]
    [InlineData("", -1)]
    [InlineData("\n", -1)]
    public void PromptReplyLength_Bytes_ReturnsTextLengthOrMinusOne(string received, int expected)
    {
        ReplyFraming.PromptReplyLength(Encoding.ASCII.GetBytes(received)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("\n", true)]
    [InlineData("\n>", true)]
    [InlineData("\n> ", true)]
    [InlineData("H", false)]
    [InlineData("\n> x", false)]
    [InlineData("prompt\n", false)]
    public void CanBeGreeting_Bytes_ReturnsWhetherPrefixOfGreeting(string received, bool expected)
    {
        ReplyFraming.CanBeGreeting(Encoding.ASCII.GetBytes(received)).ShouldBe(expected);
    }
}
