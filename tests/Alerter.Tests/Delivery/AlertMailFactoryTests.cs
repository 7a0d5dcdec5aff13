using Alerter.Delivery.Email;

namespace Alerter.Tests.Delivery;

public class AlertMailFactoryTests
{
    [Fact]
    public void Create_BodyWithBareLineFeeds_UsesCrLfLineBreaks()
    {
        using var message = AlertMailFactory.Create("alerter@localhost", "HAProxy Alerter", "noc@localhost",
            "[WARNING] be/srv1 is DOWN", "line one\nline two\r\nline three\n", "abc");

        message.Body.ShouldBe("line one\r\nline two\r\nline three\r\n");
    }

    [Fact]
    public void Create_SubjectWithLineBreak_CannotInjectAHeader()
    {
        using var message = AlertMailFactory.Create("alerter@localhost", "HAProxy\r\nBcc: x@evil", "noc@localhost",
            "be/srv1\r\nBcc: victim@example.com", "body", "abc");

        message.Subject.ShouldNotContain("\n");
        message.Subject.ShouldNotContain("\r");
        message.From!.DisplayName.ShouldNotContain("\n");
        message.Bcc.ShouldBeEmpty();
    }
}
