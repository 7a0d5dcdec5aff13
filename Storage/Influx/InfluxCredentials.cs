namespace Storage.Influx;

/// <summary>
/// The secret part of the configuration, resolved once at start: the password or token from the option
/// itself or from its file. Its <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class InfluxCredentials
{
    private InfluxCredentials(string? username, string? password, string? token)
    {
        Username = username;
        Password = password;
        Token = token;
    }

    public string? Username { get; }

    public string? Password { get; }

    public string? Token { get; }

    /// <summary>The <c>Authorization</c> header value, or null when the server needs none.</summary>
    public string? AuthorizationHeader(InfluxApiVersion api)
    {
        if (api == InfluxApiVersion.V2)
        {
            return string.IsNullOrEmpty(Token) ? null : "Token " + Token;
        }
        if (string.IsNullOrEmpty(Username))
        {
            return null;
        }
        var raw = System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}");
        return "Basic " + Convert.ToBase64String(raw);
    }

    public static InfluxCredentials From(InfluxOptions options) => new(
        options.Username,
        Resolve(options.Password, options.PasswordFile),
        Resolve(options.Token, options.TokenFile));

    private static string? Resolve(string? value, string? file)
    {
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }
        return string.IsNullOrEmpty(file) ? null : File.ReadAllText(file).Trim();
    }

    public override string ToString() => $"user={Username ?? "-"} password={(Password is null ? "unset" : "***")} token={(Token is null ? "unset" : "***")}";
}
