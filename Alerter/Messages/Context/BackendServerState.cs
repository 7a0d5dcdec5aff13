namespace Alerter.Messages.Context;

/// <summary>
/// A server of the alert's backend as the mail's "now" table shows it: its HAProxy status text (<c>UP</c>,
/// <c>DOWN 1/2</c>, <c>MAINT</c>, <c>no check</c>), when that was true, and where it comes from.
/// </summary>
/// <param name="At">When the Collector sampled it, or when HAProxy logged the transition; null when unknown.</param>
/// <param name="FromLog">True when the status is HAProxy's logged transition, newer than the Collector's last sample
/// (the server the alert is about: the sample was taken before it failed).</param>
public sealed record BackendServerState(string Server, string Status, DateTimeOffset? At = null, bool FromLog = false);
