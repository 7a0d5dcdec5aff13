namespace Alerter.Sending;

/// <summary>How one send attempt ended.</summary>
public enum SendOutcome
{
    /// <summary>The server accepted the message (SMTP 250 after DATA, HTTP 2xx).</summary>
    Sent,

    /// <summary>Try again later with backoff (4xx, unreachable, timeout, and configuration problems an operator can fix).</summary>
    Transient,

    /// <summary>This recipient will never get this message (5xx on the recipient or the message, HTTP 4xx): stop and count it.</summary>
    Permanent,
}
