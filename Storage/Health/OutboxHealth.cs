namespace Storage.Health;

/// <summary>The Alerter's outbox as its health says it: messages pending, when the longest-waiting one was due for its
/// next attempt, and the newest error of a message still pending.</summary>
public sealed record OutboxHealth(long Pending, DateTimeOffset? OldestDue, string? LastError);
