using HAProxy.Logs;

namespace Storage.Events;

/// <summary>One <c>haproxy_event</c> row to insert.</summary>
public sealed record EventRow(string IdempotencyKey, string Host, LogEvent Event, DateTimeOffset Observed, string Line, string Source);
