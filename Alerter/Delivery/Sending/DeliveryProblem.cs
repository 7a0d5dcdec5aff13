namespace Alerter.Delivery.Sending;

/// <summary>Why a send failed, named the way an operator thinks about it.</summary>
public enum DeliveryProblem
{
    None,

    /// <summary>The SMTP server refused the credentials (with STARTTLS, .NET reports it as a 530 at MAIL FROM).</summary>
    AuthenticationFailed,

    /// <summary>The SMTP server wants AUTH and no credentials are configured.</summary>
    AuthenticationRequired,

    /// <summary>The SMTP server requires STARTTLS and <c>EnableSsl</c> is off.</summary>
    TlsRequired,

    /// <summary>The TLS handshake failed (certificate not trusted, name mismatch, no STARTTLS offered).</summary>
    TlsFailed,

    /// <summary>Connection refused, host or network unreachable, name not resolved.</summary>
    Unreachable,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>The server refused the recipient (550/551/553/554 on RCPT): relaying denied or no such mailbox.</summary>
    RelayDenied,

    /// <summary>The recipient address is not a valid address.</summary>
    InvalidRecipient,

    /// <summary>A 4xx reply: try later.</summary>
    TransientServerError,

    /// <summary>A 5xx reply to the message.</summary>
    PermanentServerError,

    /// <summary>HTTP gateway said 4xx (bad request, bad credentials).</summary>
    GatewayRejected,

    /// <summary>HTTP gateway said 5xx or 429.</summary>
    GatewayUnavailable,

    /// <summary>The channel is not configured.</summary>
    NotConfigured,
}
