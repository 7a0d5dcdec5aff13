namespace Storage.Reading;

/// <summary>The Alerter's checkpoint of one log source (a file path or <c>journal:...</c>): how far it has read, when it
/// last committed or confirmed it was following, and why it cannot be read when it cannot (<see cref="Problem"/>: text
/// the Alerter wrote, naming the user, the file's owner and mode and what to do; untrusted names inside, so escape it).</summary>
public sealed record LogScanHealth(string Source, DateTimeOffset? LastScan, long Offset, string? Problem = null);
