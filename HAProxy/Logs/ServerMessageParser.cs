namespace HAProxy.Logs;

/// <summary>
/// <c>[Backup ]Server P/S &lt;what&gt;[ (cause)][, reason: ...| , changed from CLI][ via P/S][. counts].</c>, the
/// lines HAProxy 2.6 builds in srv_update_status + srv_append_status. The counts and the <c>via</c> part are
/// peeled from the right, so a check's quoted <c>info</c> may contain anything.
/// </summary>
internal static class ServerMessageParser
{
    public static LogLineOutcome Parse(ReadOnlySpan<char> text, bool isBackup, ref ParsedMessage parsed)
    {
        parsed.IsBackup = isBackup;
        if (!LogMessageParser.TryReadName(text, ref parsed, out var tail))
        {
            return LogMessageParser.Unknown(text);
        }
        if (tail.Length == 0 || tail[^1] != '.')
        {
            return LogMessageParser.IsText(tail) && !StartsLikeStateChange(tail) ? LogLineOutcome.NotAnEvent : LogLineOutcome.Malformed;
        }
        var body = tail[..^1];
        if (!TryReadHead(body, ref parsed, out var after))
        {
            return LogMessageParser.Unknown(tail);
        }
        return ParseSuffix(after, ref parsed) ? LogLineOutcome.Event : LogLineOutcome.Malformed;
    }

    private static bool StartsLikeStateChange(ReadOnlySpan<char> tail) =>
        tail.StartsWith("is ") || tail.StartsWith("was ") || tail.StartsWith("enters ");

    private static bool TryReadHead(ReadOnlySpan<char> body, ref ParsedMessage parsed, out ReadOnlySpan<char> after)
    {
        after = default;
        if (TryHead(body, "is going DOWN for maintenance", LogEventKind.ServerEnteringMaintenance, ref parsed, ref after)
            || TryHead(body, "was DOWN and now enters maintenance", LogEventKind.ServerDownEntersMaintenance, ref parsed, ref after)
            || TryHead(body, "enters drain state", LogEventKind.ServerEnteringDrain, ref parsed, ref after)
            || TryHead(body, "is stopping", LogEventKind.ServerStopping, ref parsed, ref after))
        {
            return true;
        }
        if (!body.StartsWith("is "))
        {
            return false;
        }
        var rest = body[3..];
        var space = rest.IndexOf(' ');
        var state = space < 0 ? rest : rest[..space];
        var afterState = space < 0 ? [] : rest[space..];
        if (afterState.StartsWith(" (leaving "))
        {
            var close = afterState.IndexOf(')');
            if (close < 0)
            {
                return false;
            }
            var leaving = afterState[10..close];
            var fromMaintenance = leaving is "forced maintenance" or "maintenance";
            var fromDrain = leaving is "forced drain" or "drain";
            if (!(fromMaintenance && state.IndexOf('/') > 0) && !(fromDrain && state is "UP" or "DOWN"))
            {
                return false;
            }
            parsed.Kind = fromMaintenance ? LogEventKind.ServerLeavingMaintenance : LogEventKind.ServerLeavingDrain;
            parsed.State = state.ToString();
            after = afterState[(close + 1)..];
            return true;
        }
        var word = rest.StartsWith("DOWN") ? 4 : rest.StartsWith("UP") ? 2 : 0;
        if (word == 0 || (rest.Length > word && rest[word] is not (',' or ' ' or '.')))
        {
            return false;
        }
        parsed.Kind = word == 4 ? LogEventKind.ServerDown : LogEventKind.ServerUp;
        after = rest[word..];
        return true;
    }

    private static bool TryHead(ReadOnlySpan<char> body, string head, LogEventKind kind, ref ParsedMessage parsed, ref ReadOnlySpan<char> after)
    {
        if (!body.StartsWith(head) || (body.Length > head.Length && body[head.Length] is not (' ' or ',' or '.')))
        {
            return false;
        }
        parsed.Kind = kind;
        after = body[head.Length..];
        return true;
    }

    /// <summary><c>[ (cause)][, details][ via P/S][. counts]</c>, without the final '.'.</summary>
    private static bool ParseSuffix(ReadOnlySpan<char> after, ref ParsedMessage parsed)
    {
        var active = after.LastIndexOf(" active and ");
        if (active >= 0)
        {
            var dot = after[..active].LastIndexOf(". ");
            if (dot < 0 || !ParseCounts(after[(dot + 2)..], ref parsed))
            {
                return false;
            }
            after = after[..dot];
        }
        var via = after.LastIndexOf(" via ");
        if (via >= 0 && after[(via + 5)..].IndexOf(' ') < 0 && after[(via + 5)..].IndexOf('/') > 0)
        {
            parsed.Via = after[(via + 5)..].ToString();
            after = after[..via];
        }
        if (after.StartsWith(" ("))
        {
            var close = after.IndexOf(')');
            if (close < 0)
            {
                return false;
            }
            parsed.Reason = after[2..close].ToString();
            after = after[(close + 1)..];
        }
        return after.IsEmpty || ParseCheckDetails(after, ref parsed);
    }

    /// <summary>
    /// <c>, reason: R[, code: N][, info: "I"][, check duration: Nms]</c>, or <c>, free text</c> (<c>changed from CLI</c>).
    /// </summary>
    public static bool ParseCheckDetails(ReadOnlySpan<char> details, ref ParsedMessage parsed)
    {
        if (details.IsEmpty)
        {
            return true;
        }
        if (!details.StartsWith(", "))
        {
            return false;
        }
        if (!details.StartsWith(", reason: "))
        {
            parsed.Reason = details[2..].ToString();
            return parsed.Reason.Length > 0;
        }
        var rest = details[10..];
        var duration = rest.LastIndexOf(", check duration: ");
        if (duration >= 0)
        {
            var value = rest[(duration + 18)..];
            if (!value.EndsWith("ms") || !SyslogEnvelope.TryParseDigits(value[..^2], out var ms))
            {
                return false;
            }
            parsed.CheckDurationMs = ms;
            rest = rest[..duration];
        }
        var info = rest.IndexOf(", info: \"");
        if (info >= 0)
        {
            if (rest.Length < info + 10 || rest[^1] != '"')
            {
                return false;
            }
            parsed.CheckInfo = rest[(info + 9)..^1].ToString();
            rest = rest[..info];
        }
        var code = rest.LastIndexOf(", code: ");
        if (code >= 0)
        {
            if (!int.TryParse(rest[(code + 8)..], out var checkCode))
            {
                return false;
            }
            parsed.CheckCode = checkCode;
            rest = rest[..code];
        }
        parsed.Reason = rest.ToString();
        return rest.Length > 0;
    }

    /// <summary>
    /// <c>N active and M backup servers left.[ Running on backup.] A sessions active, R requeued, Q remaining in queue</c>
    /// or <c>N active and M backup servers online.[ Running on backup.] R sessions requeued, Q total in queue</c>.
    /// </summary>
    private static bool ParseCounts(ReadOnlySpan<char> counts, ref ParsedMessage parsed)
    {
        var reader = new CountsReader(counts);
        if (!reader.Number(out var activeLeft) || !reader.Literal(" active and ") || !reader.Number(out var backupLeft)
            || !reader.Literal(" backup servers "))
        {
            return false;
        }
        parsed.ActiveLeft = activeLeft;
        parsed.BackupLeft = backupLeft;
        var left = reader.Literal("left.");
        if (!left && !reader.Literal("online."))
        {
            return false;
        }
        parsed.RunningOnBackup = reader.Literal(" Running on backup.");
        if (!reader.Literal(" "))
        {
            return false;
        }
        if (left)
        {
            if (!reader.Number(out var sessions) || !reader.Literal(" sessions active, ") || !reader.Number(out var requeued)
                || !reader.Literal(" requeued, ") || !reader.Number(out var queued) || !reader.Literal(" remaining in queue"))
            {
                return false;
            }
            parsed.SessionsActive = sessions;
            parsed.SessionsRequeued = requeued;
            parsed.RemainingInQueue = queued;
            return reader.AtEnd;
        }
        if (!reader.Number(out var moved) || !reader.Literal(" sessions requeued, ") || !reader.Number(out var total)
            || !reader.Literal(" total in queue"))
        {
            return false;
        }
        parsed.SessionsRequeued = moved;
        parsed.RemainingInQueue = total;
        return reader.AtEnd;
    }
}
