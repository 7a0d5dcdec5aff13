namespace Alerter.Policy;

/// <summary>How an alert reaches a recipient. Stored lowercase-kebab in the outbox.</summary>
public enum AlertChannel
{
    /// <summary>A full email (subject and body) via SMTP.</summary>
    Email,

    /// <summary>An email-to-SMS gateway address: a short body of at most 160 characters via SMTP.</summary>
    SmsEmail,

    /// <summary>A phone number sent through the HTTP SMS gateway.</summary>
    SmsHttp,
}
