namespace Alerter.Delivery.Context;

/// <summary>A server of the alert's backend and its HAProxy status text now (<c>UP</c>, <c>DOWN 1/2</c>, <c>MAINT</c>, <c>no check</c>).</summary>
public sealed record BackendServerState(string Server, string Status);
