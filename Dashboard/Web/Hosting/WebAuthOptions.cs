namespace Dashboard.Web.Hosting;

/// <summary>
/// <c>Dashboard:Auth:*</c>: the credential every request must carry once one is configured. Secrets come from the
/// environment (<c>MONITORING__Dashboard__Auth__Token</c>) or a file and are never logged.
/// </summary>
public sealed class WebAuthOptions
{
    /// <summary>A bearer token (<c>Authorization: Bearer ...</c>; browsers may send it as the basic-auth password).</summary>
    public string? Token { get; set; }

    /// <summary>A file whose first line is the bearer token.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Basic-auth user name; needs <see cref="PasswordHash"/> or <see cref="PasswordHashFile"/>.</summary>
    public string? User { get; set; }

    /// <summary>The basic-auth password as <c>pbkdf2-sha256$iterations$salt$hash</c> (<c>dashboard hash-password</c> makes one).</summary>
    public string? PasswordHash { get; set; }

    /// <summary>A file whose first line is <see cref="PasswordHash"/>.</summary>
    public string? PasswordHashFile { get; set; }

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> / <c>Forwarded</c> names the real client (for throttling and the
    /// failure log): addresses or networks (<c>127.0.0.1;10.0.0.0/8</c>), separated by <c>;</c> or <c>,</c>. Default none:
    /// nobody's forwarding header is believed about who the client is. Whatever this says, a request forwarded on
    /// behalf of a non-loopback client needs the credential.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>
    /// Credential checks that need the password hash (a header not yet seen to succeed) per client and minute; past
    /// it the client gets 429 before any hashing. Default 6; at least 1.
    /// </summary>
    public int AttemptsPerMinute { get; set; } = 6;
}
