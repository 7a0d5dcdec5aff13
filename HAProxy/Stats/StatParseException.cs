namespace HAProxy.Stats;

/// <summary>The text is not a <c>show stat</c> CSV reply at all (no header); a single bad row is an issue, not this.</summary>
public sealed class StatParseException(string message) : FormatException(message);
