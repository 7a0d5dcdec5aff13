namespace Alerter.Sending.Sms;

/// <summary>
/// An HTTP SMS gateway. Section <c>Alerter:Sms</c>. For Twilio: Url
/// <c>https://api.twilio.com/2010-04-01/Accounts/ACxxx/Messages.json</c>, Format Form, Auth Basic with the account SID
/// as UserName and the auth token as Password; the default field names To, From, Body match its API.
/// </summary>
public sealed class HttpSmsOptions
{
    public const string Section = "Alerter:Sms";

    /// <summary>Gateway URL (POST). Empty = HTTP SMS disabled.</summary>
    public string Url { get; set; } = "";

    /// <summary>Form (default) or Json.</summary>
    public SmsGatewayFormat Format { get; set; } = SmsGatewayFormat.Form;

    /// <summary>None (default), Basic or Bearer.</summary>
    public SmsGatewayAuth Auth { get; set; } = SmsGatewayAuth.None;

    /// <summary>Basic auth user (Twilio: account SID).</summary>
    public string? UserName { get; set; }

    /// <summary>Basic auth password (Twilio: auth token), from the environment. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>File holding the basic password (first line). Wins over <see cref="Password"/>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Bearer token, from the environment. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>File holding the bearer token (first line). Wins over <see cref="Token"/>.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Field carrying the phone number. Default <c>To</c>.</summary>
    public string ToField { get; set; } = "To";

    /// <summary>Field carrying the sender. Default <c>From</c>; empty = not sent.</summary>
    public string FromField { get; set; } = "From";

    /// <summary>Field carrying the text. Default <c>Body</c>.</summary>
    public string BodyField { get; set; } = "Body";

    /// <summary>Sender number or id (Twilio: your Twilio number).</summary>
    public string? From { get; set; }

    /// <summary>Constant fields added to every request (e.g. an API's <c>channel</c>).</summary>
    public Dictionary<string, string> ExtraFields { get; set; } = [];

    /// <summary>Timeout of one request. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
