using Dashboard.Web.Hosting;

namespace Dashboard.Web.Security;

/// <summary>The configured credential, with the secrets read from their files once at start. Never logged or printed.</summary>
public sealed record Credentials(string? Token, string? User, string? PasswordHash)
{
    public bool Configured => Token is not null || PasswordHash is not null;

    public static Credentials From(WebAuthOptions auth) => new(
        Secret(auth.Token, auth.TokenFile),
        string.IsNullOrEmpty(auth.User) ? null : auth.User,
        Secret(auth.PasswordHash, auth.PasswordHashFile));

    private static string? Secret(string? value, string? file)
    {
        if (!string.IsNullOrEmpty(file))
        {
            value = File.ReadLines(file).FirstOrDefault();
        }
        value = value?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
