namespace HAProxy.Logs;

/// <summary>
/// Parses one log line (syslog RFC 3164 with or without hostname, RFC 5424, raw message, or the stderr
/// <c>[WARNING]  (pid) : </c> form) into a <see cref="LogEvent"/>. Pure and allocation-light for non-events.
/// </summary>
public static class LogLineParser
{
    public static LogLineOutcome TryParse(ReadOnlySpan<char> line, in LogParseContext context, out LogEvent? logEvent)
        => throw new NotImplementedException("owned by the logs work");
}
