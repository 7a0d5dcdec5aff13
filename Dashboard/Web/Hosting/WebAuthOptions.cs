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
}
