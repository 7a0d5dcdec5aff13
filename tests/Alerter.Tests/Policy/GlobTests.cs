using Alerter.Policy;

namespace Alerter.Tests.Policy;

public class GlobTests
{
    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("app*", "app-eu", true)]
    [InlineData("app*", "web", false)]
    [InlineData("srv?", "srv1", true)]
    [InlineData("srv?", "srv10", false)]
    [InlineData("*-eu-*", "app-eu-1", true)]
    [InlineData("App", "app", false)]
    [InlineData("", "", true)]
    public void IsMatch_Pattern_MatchesLikeAShellGlob(string pattern, string text, bool expected)
        => Glob.IsMatch(pattern, text).ShouldBe(expected);
}
