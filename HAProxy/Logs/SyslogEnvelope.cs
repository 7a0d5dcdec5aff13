using System.Globalization;

namespace HAProxy.Logs;

/// <summary>
/// The envelope around an HAProxy message: <c>&lt;PRI&gt;</c> with RFC 3164 (with or without hostname) or RFC 5424,
/// an rsyslog file line without PRI (traditional or ISO timestamp), the stderr form <c>[WARNING]  (pid) : </c>,
/// or nothing (a raw message). Parsing allocates nothing: the hostname stays a slice of the line.
/// </summary>
internal ref struct SyslogEnvelope
{
    public int? Priority;
    public int? Severity;
    public DateTimeOffset? Timestamp;
    public ReadOnlySpan<char> Hostname;
    public int? Pid;
    public ReadOnlySpan<char> Message;

    /// <summary>False when the line starts like an envelope but breaks off or holds impossible values.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, in LogParseContext context, out SyslogEnvelope envelope)
    {
        envelope = default;
        if (line.IsEmpty)
        {
            envelope.Message = line;
            return true;
        }
        var rest = line;
        if (rest[0] == '<')
        {
            if (!TryReadPriority(ref rest, out var priority))
            {
                return false;
            }
            envelope.Priority = priority;
            envelope.Severity = priority % 8;
            if (rest.Length >= 2 && rest[0] == '1' && rest[1] == ' ')
            {
                return TryParseRfc5424(rest[2..], ref envelope);
            }
            if (Rfc3164Timestamp.LooksLikeOne(rest))
            {
                return TryParseRfc3164(rest, context, ref envelope);
            }
            // `format priority` / `format short`: only the PRI precedes the message.
            envelope.Message = rest;
            return true;
        }
        if (rest[0] == '[')
        {
            return TryParseStderr(rest, ref envelope);
        }
        if (Rfc3164Timestamp.LooksLikeOne(rest))
        {
            return TryParseRfc3164(rest, context, ref envelope);
        }
        if (LooksLikeIsoTimestamp(rest))
        {
            return TryParseIsoFileLine(rest, ref envelope);
        }
        envelope.Message = rest;
        return true;
    }

    private static bool TryReadPriority(ref ReadOnlySpan<char> rest, out int priority)
    {
        priority = 0;
        var close = rest.Slice(0, Math.Min(rest.Length, 5)).IndexOf('>');
        if (close < 2 || !TryParseDigits(rest[1..close], out priority) || priority > 191)
        {
            return false;
        }
        rest = rest[(close + 1)..];
        return true;
    }

    private static bool TryParseRfc3164(ReadOnlySpan<char> rest, in LogParseContext context, ref SyslogEnvelope envelope)
    {
        if (!Rfc3164Timestamp.TryParse(rest, context, out var timestamp))
        {
            return false;
        }
        envelope.Timestamp = timestamp;
        return TryParseHostAndTag(rest[(Rfc3164Timestamp.Length + 1)..], ref envelope);
    }

    /// <summary><c>[hostname ]tag[pid]: message</c> (hostname optional; <c>tag: </c> without pid accepted).</summary>
    private static bool TryParseHostAndTag(ReadOnlySpan<char> rest, ref SyslogEnvelope envelope)
    {
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }
        var first = rest[..space];
        if (first[^1] != ':' && first.IndexOf('[') < 0)
        {
            envelope.Hostname = first;
            rest = rest[(space + 1)..];
            space = rest.IndexOf(' ');
            if (space <= 0)
            {
                return false;
            }
        }
        var tag = rest[..space];
        if (tag[^1] != ':')
        {
            return false;
        }
        var open = tag.IndexOf('[');
        if (open >= 0)
        {
            if (tag.Length < open + 4 || tag[^2] != ']' || !TryParseDigits(tag[(open + 1)..^2], out var pid))
            {
                return false;
            }
            envelope.Pid = pid;
        }
        envelope.Message = rest[(space + 1)..];
        return true;
    }

    /// <summary><c>TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD [MSG]</c>, after <c>&lt;PRI&gt;1 </c>.</summary>
    private static bool TryParseRfc5424(ReadOnlySpan<char> rest, ref SyslogEnvelope envelope)
    {
        Span<Range> fields = stackalloc Range[6];
        if (rest.Split(fields, ' ') < 6)
        {
            return false;
        }
        var timestamp = rest[fields[0]];
        if (timestamp is not "-")
        {
            if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return false;
            }
            envelope.Timestamp = parsed;
        }
        var host = rest[fields[1]];
        envelope.Hostname = host is "-" ? default : host;
        var procId = rest[fields[3]];
        if (procId is not "-" && TryParseDigits(procId, out var pid))
        {
            envelope.Pid = pid;
        }
        // The sixth range is everything after MSGID: structured data, then the message.
        var dataStart = fields[5].Start.GetOffset(rest.Length);
        var afterData = rest.Length > dataStart && rest[dataStart] == '-' ? dataStart + 1
            : rest.Length > dataStart && rest[dataStart] == '[' ? SkipStructuredData(rest, dataStart)
            : -1;
        if (afterData < 0 || (afterData < rest.Length && rest[afterData] != ' '))
        {
            return false;
        }
        var message = afterData + 1 >= rest.Length ? [] : rest[(afterData + 1)..];
        envelope.Message = message.Length > 0 && message[0] == '\uFEFF' ? message[1..] : message;
        return true;
    }

    /// <summary>Index just past <c>[id k="v"]...</c> elements starting at <paramref name="start"/>, or -1.</summary>
    private static int SkipStructuredData(ReadOnlySpan<char> rest, int start)
    {
        var i = start;
        while (i < rest.Length && rest[i] == '[')
        {
            var inQuotes = false;
            for (i++; i < rest.Length; i++)
            {
                var c = rest[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = !inQuotes;
                }
                else if (c == ']' && !inQuotes)
                {
                    break;
                }
            }
            if (i >= rest.Length)
            {
                return -1;
            }
            i++;
        }
        return i;
    }

    /// <summary><c>[WARNING]  (3774) : message</c>, HAProxy's stderr (and <c>log stderr</c>-less foreground) form.</summary>
    private static bool TryParseStderr(ReadOnlySpan<char> rest, ref SyslogEnvelope envelope)
    {
        var close = rest.IndexOf(']');
        if (close < 0)
        {
            envelope.Message = rest;
            return true;
        }
        envelope.Severity = rest[1..close] switch
        {
            "EMERG" => 0,
            "ALERT" => 1,
            "WARNING" => 4,
            "NOTICE" => 5,
            "DEBUG" => 7,
            _ => null,
        };
        if (envelope.Severity is null)
        {
            envelope.Message = rest;
            return true;
        }
        var after = rest[(close + 1)..].TrimStart(' ');
        var separator = after.IndexOf(") : ");
        if (after.IsEmpty || after[0] != '(' || separator < 2 || !TryParseDigits(after[1..separator], out var pid))
        {
            return false;
        }
        envelope.Pid = pid;
        envelope.Message = after[(separator + 4)..];
        return true;
    }

    private static bool LooksLikeIsoTimestamp(ReadOnlySpan<char> rest) =>
        rest.Length > 20 && char.IsAsciiDigit(rest[0]) && char.IsAsciiDigit(rest[3]) && rest[4] == '-' && rest[10] == 'T';

    /// <summary>rsyslog's <c>RSYSLOG_FileFormat</c>: <c>2026-11-21T21:38:33.123456+00:00 host haproxy[1]: msg</c>.</summary>
    private static bool TryParseIsoFileLine(ReadOnlySpan<char> rest, ref SyslogEnvelope envelope)
    {
        var space = rest.IndexOf(' ');
        if (space < 0 || !DateTimeOffset.TryParse(rest[..space], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }
        envelope.Timestamp = parsed;
        return TryParseHostAndTag(rest[(space + 1)..], ref envelope);
    }

    public static bool TryParseDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9)
        {
            return false;
        }
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
