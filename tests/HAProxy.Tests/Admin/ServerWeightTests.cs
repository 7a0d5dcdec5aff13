using HAProxy.Admin;

namespace HAProxy.Tests.Admin;

public sealed class ServerWeightTests
{
    [Theory]
    [InlineData("1 (initial 1)", 1, 1)]
    [InlineData("50 (initial 10)\n", 50, 10)]
    public void TryParse_GetWeightReply_ReturnsWeights(string reply, int current, int initial)
    {
        ServerWeight.TryParse(reply, out var weight).ShouldBeTrue();

        weight.ShouldBe(new ServerWeight(current, initial));
    }

    [Theory]
    [InlineData("No such server.")]
    [InlineData("Require 'backend/server'.")]
    [InlineData("x (initial 1)")]
    [InlineData("1 (initial )")]
    [InlineData("")]
    public void TryParse_ErrorText_ReturnsFalse(string reply)
    {
        ServerWeight.TryParse(reply, out _).ShouldBeFalse();
    }
}
