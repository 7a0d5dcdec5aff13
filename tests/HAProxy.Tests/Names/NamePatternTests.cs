using HAProxy.Names;

namespace HAProxy.Tests.Names;

public class NamePatternTests
{
    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("app*", "app-eu", true)]
    [InlineData("app*", "web", false)]
    [InlineData("srv?", "srv1", true)]
    [InlineData("srv?", "srv10", false)]
    [InlineData("*-eu-*", "app-eu-1", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("App", "app", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void IsMatch_CaseSensitive_MatchesLikeAShellGlob(string pattern, string name, bool expected)
        => NamePattern.IsMatch(pattern, name).ShouldBe(expected);

    [Theory]
    [InlineData("BE_*", "be_web", true)]
    [InlineData("be_?EB", "be_web", true)]
    [InlineData("api*", "be_web", false)]
    public void IsMatch_IgnoreCase_TypedFiltersMatchAnyCase(string pattern, string name, bool expected)
        => NamePattern.IsMatch(pattern, name, ignoreCase: true).ShouldBe(expected);
}
