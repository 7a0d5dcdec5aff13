namespace HAProxy.Logs;

/// <summary>
/// What a log line does not say about itself: RFC 3164 timestamps carry neither year nor zone. The year is
/// taken from <see cref="Now"/> (the previous year when the date would be more than a day in the future), the
/// zone from <see cref="AssumedOffset"/>.
/// </summary>
public readonly record struct LogParseContext(DateTimeOffset Now, TimeSpan AssumedOffset);
