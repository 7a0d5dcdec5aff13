using Alerter.Messages.Templates;

namespace Alerter.Tests.Messages.Templates;

public class SafeTextTests
{
    [Theory]
    [InlineData("app\r\nBcc: evil@example.org", "app Bcc: evil@example.org")]
    [InlineData("a\"b\\c", "a b c")]
    [InlineData("srv\u2028X-Injected: 1", "srv X-Injected: 1")]
    [InlineData("sérvéur", "sérvéur")]
    [InlineData("tab\there", "tab here")]
    public void Header_HostileOrNonAscii_NoLineBreaksQuotesOrBackslashes(string input, string expected)
        => SafeText.Header(input).ShouldBe(expected);

    [Fact]
    public void Header_TooLong_Truncated()
        => SafeText.Header(new string('x', 500), maxLength: 50).Length.ShouldBe(50);

    [Fact]
    public void Line_ControlCharacters_BecomeSpaces()
        => SafeText.Line("a\r\nb\u0000c").ShouldBe("a  b c");
}
