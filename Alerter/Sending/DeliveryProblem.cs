namespace Alerter.Sending;

/// <summary>Why a send failed, named the way an operator thinks about it.</summary>
public enum DeliveryProblem
{
    None,

    /// <summary>The SMTP server refused the credentials (535 to AUTH), or offers no mechanism to log in with.</summary>
    AuthenticationFailed,

    /// <summary>The SMTP server wants AUTH and no credentials are configured.</summary>
    AuthenticationRequired,

    /// <summary>
    /// TLS is wanted on one side and missing on the other: the server demands STARTTLS and <c>Security</c> is None,
    /// or <c>Security</c> is StartTls and the server does not offer STARTTLS.
    /// </summary>
    TlsRequired,

    /// <summary>The TLS handshake failed for another reason than the certificate (protocol, implicit TLS against a STARTTLS port).</summary>
    TlsFailed,

    /// <summary>The server's certificate is neither trusted by the system nor pinned (name mismatch, private CA, self-signed).</summary>
    UntrustedCertificate,

    /// <summary>Connection refused, host or network unreachable, name not resolved.</summary>
    Unreachable,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>The server refused the recipient on policy grounds (5.7.x, 551, 554 at RCPT): it does not relay for us.</summary>
    RelayDenied,

    /// <summary>The server refused the recipient's address (5.1.x, 550, 553 at RCPT): no such mailbox.</summary>
    RecipientRejected,

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
