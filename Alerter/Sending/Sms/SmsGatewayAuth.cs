namespace Alerter.Sending.Sms;

/// <summary>How the HTTP SMS gateway authenticates us.</summary>
public enum SmsGatewayAuth
{
    None,

    /// <summary>HTTP basic: <c>UserName:Password</c> (Twilio: account SID and auth token).</summary>
    Basic,

    /// <summary><c>Authorization: Bearer Token</c>.</summary>
    Bearer,
}
