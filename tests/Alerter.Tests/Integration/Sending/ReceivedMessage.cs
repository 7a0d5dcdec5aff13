using System.Text;
using System.Text.RegularExpressions;

namespace Alerter.Tests.Integration.Sending;

/// <summary>
/// A message as the SMTP server stored it, parsed independently of the code under test: unfolded raw headers
/// (name, raw value) by hand, so an injected header is seen as the server saw it; the decoded subject; and the
/// MIME structure by MimeKit's parser (<see cref="Mime"/>), whose text part is <see cref="Body"/>.
/// </summary>
public sealed partial record ReceivedMessage(string FileName, byte[] Raw, IReadOnlyList<(string Name, string Value)> Headers, string Body, MimeKit.MimeMessage Mime)
{
    /// <summary>The HTML part, decoded; null when the message has none.</summary>
    public string? Html => Mime.HtmlBody;

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public int Count(string name) => Headers.Count(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    public string Subject => DecodeWords(Header("Subject") ?? "");

    public string? MessageId => Header("Message-ID");

    public static ReceivedMessage Parse(string path, byte[] raw)
    {
        var text = Encoding.Latin1.GetString(raw).Replace("\r\n", "\n");
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var headers = new List<(string, string)>();
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var (n, v) = headers[^1];
                headers[^1] = (n, v + line); // unfold (RFC 5322 2.2.3)
                continue;
            }
            var colon = line.IndexOf(':');
            headers.Add(colon < 0 ? ("", line) : (line[..colon], line[(colon + 1)..].Trim()));
        }
        var mime = MimeKit.MimeMessage.Load(new MemoryStream(raw));
        var body = (mime.TextBody ?? "").ReplaceLineEndings("\n");
        return new ReceivedMessage(Path.GetFileName(path), raw, headers, body, mime);
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var s = text.Replace("=\n", "");
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)s[i]);
            }
        }
        return [.. bytes];
    }

    private static string DecodeWords(string value)
        => EncodedWord().Replace(value.Replace("?= =?", "?==?"), m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var data = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(m.Groups[3].Value)
                : QuotedPrintable(m.Groups[3].Value.Replace('_', ' '));
            return charset.GetString(data);
        });

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
