using Alerter.Messages.Email;
using System.Text;
using MimeKit;

namespace Alerter.Tests.Messages.Email;

public class AlertMailFactoryTests
{
    private static string Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.International = false;
        format.NewLineFormat = NewLineFormat.Dos; // as MailKit writes it to the server
        message.WriteTo(format, stream);
        return Encoding.ASCII.GetString(stream.ToArray());
    }

    [Fact]
    public void Create_TextOnly_QuotedPrintableWithRealLineBreaks()
    {
        var message = AlertMailFactory.Create("alerter@localhost", "HAProxy Alerter", "noc@localhost",
            new MailContent("[WARNING] be/srv1 is DOWN", "line one\nline two\r\nline thrée\n"), "abc");

        message.TextBody!.ReplaceLineEndings("\n").ShouldBe("line one\nline two\nline thrée\n");
        var raw = Raw(message);
        raw.ShouldNotContain("=0D=0A");
        raw.ShouldContain("line one\r\nline two\r\nline thr=C3=A9e\r\n", customMessage: raw);
        message.MessageId.ShouldBe("abc@localhost");
    }

    [Fact]
    public void Create_WithHtmlAndImage_MultipartAlternativeWithRelatedImage()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47 };
        var message = AlertMailFactory.Create("alerter@example.net", "HAProxy Alerter", "noc@example.net",
            new MailContent("s", "text", "<p>html</p><img src=\"cid:c1\">", [new InlineImage("c1", "chart.png", png)]), "abc");

        var alternative = message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.ContentType.MimeType.ShouldBe("multipart/alternative");
        alternative[0].ContentType.MimeType.ShouldBe("text/plain");
        var related = alternative[1].ShouldBeOfType<MultipartRelated>();
        related[0].ContentType.MimeType.ShouldBe("text/html");
        var image = related[1].ShouldBeOfType<MimePart>();
        image.ContentId.ShouldBe("c1");
        image.ContentType.MimeType.ShouldBe("image/png");
        Raw(message).ShouldAllBe(c => c < 128);
    }

    [Fact]
    public void Create_SubjectWithLineBreak_CannotInjectAHeader()
    {
        var message = AlertMailFactory.Create("alerter@localhost", "HAProxy\r\nBcc: x@evil", "noc@localhost",
            new MailContent("be/srv1\r\nBcc: victim@example.com", "body"), "abc");

        message.Subject.ShouldBe("be/srv1 Bcc: victim@example.com");
        message.From.Mailboxes.Single().Name.ShouldBe("HAProxy Bcc: x@evil");
        message.Bcc.ShouldBeEmpty();
        Raw(message).Split("\r\n").Count(l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase)).ShouldBe(0);
    }
}
