namespace Dashboard.Web.Api;

/// <summary>
/// One part of the suite on the health strip and whether it is stale: no news for three of its intervals.
/// <see cref="Part"/> is the strip's name for it (<c>poll lb1 /run/haproxy.sock</c>, <c>log scan /var/log/haproxy.log</c>,
/// <c>outbox</c>); <see cref="LastNewsUnixMs"/> is null when it never reported.
/// </summary>
public sealed record PartFreshness(string Kind, string Part, long? LastNewsUnixMs, long StaleAfterMs, bool Stale);
