using Alerter.Messages.Templates;

namespace Alerter.Tests.Messages.Templates;

public class HtmlTextTests
{
    [Theory]
    [InlineData("UP", "#1e7e34")]
    [InlineData("UP 1/3", "#1e7e34")]
    [InlineData("OPEN", "#1e7e34")]
    [InlineData("DOWN", "#b00020")]
    [InlineData("DOWN 2/3", "#b00020")]
    [InlineData("MAINT", "#6c757d")]
    [InlineData("MAINT (via be_web/web1)", "#6c757d")]
    [InlineData("DRAIN", "#d35400")]
    [InlineData("NOLB", "#d35400")]
    [InlineData("no check", "#333333")]
    [InlineData("", "#333333")]
    public void StatusColour_ReadsTheStatusByItsStructure(string status, string colour)
    {
        HtmlText.StatusColour(status).ShouldBe(colour);
    }
}
