namespace HAProxy.Logs;

/// <summary>
/// Parses one log line (syslog RFC 3164 with or without hostname, RFC 5424, raw message, or the stderr
/// <c>[WARNING]  (pid) : </c> form) into a <see cref="LogEvent"/>. Pure and allocation-light for non-events.
/// </summary>
/// <remarks>
/// Outcomes: <see cref="LogLineOutcome.Event"/> for every state change HAProxy 2.6 logs;
/// <see cref="LogLineOutcome.NotAnEvent"/> for request logs and other complete messages (nothing is allocated);
/// <see cref="LogLineOutcome.Malformed"/> for a broken envelope, control characters or U+FFFD (invalid UTF-8),
/// and a state-change message that is cut off or carries impossible numbers. Never throws on input.
/// </remarks>
public static class LogLineParser
{
    /// <summary>
    /// Whether a parsed line held invalid UTF-8 (decoded to U+FFFD): its event is dropped and counted as malformed by
    /// every reader (file, ring, journal), because an alert must not name a server that does not exist under that name.
    /// </summary>
    public static bool IsUndecodable(ReadOnlySpan<char> line) => line.Contains('\uFFFD');

    public static LogLineOutcome TryParse(ReadOnlySpan<char> line, in LogParseContext context, out LogEvent? logEvent)
    {
        logEvent = null;
        line = line.TrimEnd("\r\n");
        if (!SyslogEnvelope.TryParse(line, context, out var envelope))
        {
            return LogLineOutcome.Malformed;
        }
        var parsed = default(ParsedMessage);
        var outcome = LogMessageParser.Parse(envelope.Message, ref parsed);
        if (outcome == LogLineOutcome.Event)
        {
            logEvent = parsed.ToEvent(envelope);
        }
        return outcome;
    }
}
