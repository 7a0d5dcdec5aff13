using ServiceDefaults.Settings;

namespace ServiceDefaults.Tests.Settings;

public class ClosestNameTests
{
    [Theory]
    [InlineData("Route", "Routes")]
    [InlineData("Securty", "Security")]
    [InlineData("Intervall", "Interval")]
    [InlineData("intreval", "Interval")]
    [InlineData("ROUTES", "Routes")]
    public void Find_OneTypoAway_TheKnownName(string name, string expected)
    {
        ClosestName.Find(name, ["Interval", "Routes", "Security", "Silences"]).ShouldBe(expected);
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("Xyzzy")]
    public void Find_NothingClose_Null(string name)
    {
        ClosestName.Find(name, ["Interval", "Routes", "Security"]).ShouldBeNull();
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_EditsWithAdjacentSwaps(string a, string b, int expected)
    {
        ClosestName.Distance(a, b).ShouldBe(expected);
    }
}
