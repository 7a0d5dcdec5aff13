using System.Globalization;
using System.Text;

namespace Alerter.Messages.Templates;

/// <summary>
/// Makes names from HAProxy's config or logs safe to put in a message. Header text (subjects, display names) loses
/// every control or line-separator character, quotes and backslashes: MimeKit quotes and encodes display names
/// itself, but a subject or name is also read by people and SMS gateways, where a line break or a stray quote
/// misleads. Body text keeps tabs and line breaks only where the template puts them.
/// </summary>
public static class SafeText
{
    /// <summary>For subjects and display names: no control characters, no line/paragraph separators, no quotes or backslashes; collapsed spaces.</summary>
    public static string Header(string? text, int maxLength = 200)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format
                || c is '"' or '\\')
            {
                builder.Append(' ');
                continue;
            }
            builder.Append(c);
        }
        var collapsed = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= maxLength ? collapsed : collapsed[..maxLength];
    }

    /// <summary>For one line of a plain-text body: control characters (CR, LF included) become spaces.</summary>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            builder.Append(category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator && c != '\t' ? ' ' : c);
        }
        return builder.ToString();
    }
}
