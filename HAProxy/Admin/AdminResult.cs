namespace HAProxy.Admin;

/// <summary>What HAProxy said to an admin command: success is an empty reply; anything else is its error text.</summary>
public sealed record AdminResult(string Command, bool Succeeded, string Reply);
