namespace Alerter.Tests.Support;

/// <summary>A <c>haproxy_event</c> row as tests read it back.</summary>
public sealed record StoredEvent(string Key, string Proxy, string? Server, string Kind, string? Reason, string Line, string Source);
