namespace Alerter.Messages.Templates;

/// <summary>One earlier transition of a server, as an email lists it (read from <c>haproxy_event</c>).</summary>
public sealed record RecentTransition(DateTimeOffset Time, string Kind, string? Reason);
