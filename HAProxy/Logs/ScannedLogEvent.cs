namespace HAProxy.Logs;

/// <summary>An event with where its line sits in the scanned input, so a reader can checkpoint after it.</summary>
/// <param name="LineOffset">Byte offset of the line's first byte.</param>
/// <param name="NextOffset">Byte offset just past the line's newline.</param>
/// <param name="Line">The raw line text (without newline).</param>
public sealed record ScannedLogEvent(LogEvent Event, long LineOffset, long NextOffset, string Line);
