namespace Alerter.Sending.Sms;

/// <summary>Request body of the HTTP SMS gateway.</summary>
public enum SmsGatewayFormat
{
    /// <summary><c>application/x-www-form-urlencoded</c> (Twilio's Messages API).</summary>
    Form,

    /// <summary><c>application/json</c> object of the fields.</summary>
    Json,
}
