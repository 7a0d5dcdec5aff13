namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>The <c>log</c> lines of HAProxy's <c>global</c> section in <see cref="EndToEndLab"/>.</summary>
public enum LabLogTargets
{
    /// <summary><c>log SOCKET local0</c>: every line once.</summary>
    One,

    /// <summary>
    /// Debian 12's stock haproxy.cfg: <c>log SOCKET local0</c> and <c>log SOCKET local1 notice</c>, so every
    /// notice-or-worse line (every state change) is sent twice.
    /// </summary>
    DebianStock,
}
