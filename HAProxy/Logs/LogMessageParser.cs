using System.Buffers;

namespace HAProxy.Logs;

/// <summary>
/// The grammar of HAProxy 2.6's state-change messages (src/server.c, src/check.c, src/backend.c, src/proxy.c),
/// checked against real captures. Messages that are known to be complete but are not state changes are
/// <see cref="LogLineOutcome.NotAnEvent"/>; a state-change message that breaks off is
/// <see cref="LogLineOutcome.Malformed"/>.
/// </summary>
internal static class LogMessageParser
{
    private static readonly SearchValues<char> Garbage = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\uFFFD");

    public static LogLineOutcome Parse(ReadOnlySpan<char> message, ref ParsedMessage parsed)
    {
        if (message.IsEmpty)
        {
            return LogLineOutcome.NotAnEvent;
        }
        switch (message[0])
        {
            case 'S' when message.StartsWith("Server "):
                return ServerMessageParser.Parse(message[7..], isBackup: false, ref parsed);
            case 'B' when message.StartsWith("Backup Server "):
                return ServerMessageParser.Parse(message[14..], isBackup: true, ref parsed);
            case 'H' when message.StartsWith("Health check for "):
                return ParseHealthCheck(message[17..], ref parsed);
            case 'b' when message.StartsWith("backend "):
                return ParseNoServer(message[8..], ref parsed);
            case 'p' when message.StartsWith("proxy "):
                return ParseNoServer(message[6..], ref parsed);
            case 'P' when message.StartsWith("Proxy "):
                return ParseProxyStopped(message[6..], ref parsed);
        }
        return IsText(message) ? LogLineOutcome.NotAnEvent : LogLineOutcome.Malformed;
    }

    /// <summary>No control characters and no U+FFFD (what invalid UTF-8 decodes to).</summary>
    public static bool IsText(ReadOnlySpan<char> text) => !text.ContainsAny(Garbage);

    /// <summary>A message we do not know: complete (ends in '.' or '!') means another kind of message; else cut off.</summary>
    public static LogLineOutcome Unknown(ReadOnlySpan<char> message) =>
        message.Length > 0 && message[^1] is '.' or '!' && IsText(message) ? LogLineOutcome.NotAnEvent : LogLineOutcome.Malformed;

    /// <summary><c>[backup ]server P/S [conditionally ]succeeded|failed[, reason: ...], status: 0/2 DOWN.</c></summary>
    private static LogLineOutcome ParseHealthCheck(ReadOnlySpan<char> rest, ref ParsedMessage parsed)
    {
        var all = rest;
        if (rest.StartsWith("backup "))
        {
            parsed.IsBackup = true;
            rest = rest[7..];
        }
        if (!rest.StartsWith("server ") || !TryReadName(rest[7..], ref parsed, out rest))
        {
            return Unknown(all);
        }
        if (rest.StartsWith("conditionally "))
        {
            rest = rest[14..];
        }
        if (rest.StartsWith("succeeded"))
        {
            parsed.Kind = LogEventKind.HealthCheckSucceeded;
            rest = rest[9..];
        }
        else if (rest.StartsWith("failed"))
        {
            parsed.Kind = LogEventKind.HealthCheckFailed;
            rest = rest[6..];
        }
        else
        {
            return Unknown(all);
        }
        var status = rest.LastIndexOf(", status: ");
        if (rest.Length == 0 || rest[^1] != '.' || status < 0)
        {
            return LogLineOutcome.Malformed;
        }
        var health = rest[(status + 10)..^1];
        var slash = health.IndexOf('/');
        var space = health.IndexOf(' ');
        if (slash < 1 || space < slash + 2 || !SyslogEnvelope.TryParseDigits(health[..slash], out var count)
            || !SyslogEnvelope.TryParseDigits(health[(slash + 1)..space], out var threshold))
        {
            return LogLineOutcome.Malformed;
        }
        parsed.HealthCount = count;
        parsed.HealthThreshold = threshold;
        parsed.State = health[(space + 1)..].ToString();
        return ServerMessageParser.ParseCheckDetails(rest[..status], ref parsed) ? LogLineOutcome.Event : LogLineOutcome.Malformed;
    }

    /// <summary><c>backend P has no server available!</c>; stderr quotes the name: <c>backend 'P' has ...</c>.</summary>
    private static LogLineOutcome ParseNoServer(ReadOnlySpan<char> rest, ref ParsedMessage parsed)
    {
        var space = rest.IndexOf(' ');
        if (space < 1 || !rest[space..].SequenceEqual(" has no server available!"))
        {
            return Unknown(rest);
        }
        var name = rest[..space];
        if (name.Length > 2 && name[0] == '\'' && name[^1] == '\'')
        {
            name = name[1..^1];
        }
        parsed.Kind = LogEventKind.BackendNoServerAvailable;
        parsed.Proxy = name.ToString();
        return LogLineOutcome.Event;
    }

    /// <summary><c>Proxy P stopped (cumulated conns: FE: 407, BE: 0).</c></summary>
    private static LogLineOutcome ParseProxyStopped(ReadOnlySpan<char> rest, ref ParsedMessage parsed)
    {
        var space = rest.IndexOf(' ');
        if (space < 1 || !rest[space..].StartsWith(" stopped"))
        {
            return Unknown(rest);
        }
        parsed.Kind = LogEventKind.ProxyStopped;
        parsed.Proxy = rest[..space].ToString();
        var counts = rest[(space + 8)..];
        if (counts.SequenceEqual("."))
        {
            return LogLineOutcome.Event;
        }
        const string Head = " (cumulated conns: FE: ";
        var comma = counts.IndexOf(", BE: ");
        if (!counts.StartsWith(Head) || !counts.EndsWith(").") || comma < Head.Length
            || !long.TryParse(counts[Head.Length..comma], out var frontend)
            || !long.TryParse(counts[(comma + 6)..^2], out var backend))
        {
            return LogLineOutcome.Malformed;
        }
        parsed.FrontendConnections = frontend;
        parsed.BackendConnections = backend;
        return LogLineOutcome.Event;
    }

    /// <summary>Reads <c>proxy/server </c>; <paramref name="rest"/> is what follows the space.</summary>
    public static bool TryReadName(ReadOnlySpan<char> text, scoped ref ParsedMessage parsed, out ReadOnlySpan<char> rest)
    {
        rest = default;
        var space = text.IndexOf(' ');
        var name = space < 0 ? text : text[..space];
        var slash = name.IndexOf('/');
        if (space < 0 || slash < 1 || slash == name.Length - 1)
        {
            return false;
        }
        parsed.Proxy = name[..slash].ToString();
        parsed.Server = name[(slash + 1)..].ToString();
        rest = text[(space + 1)..];
        return true;
    }
}
