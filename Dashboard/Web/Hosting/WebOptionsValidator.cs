using Dashboard.Web.Security;
using Microsoft.Extensions.Options;
using Storage.Influx;

namespace Dashboard.Web.Hosting;

/// <summary>Settings that cannot work, told so a person can fix them; the page does not start with any of them.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var errors = new List<string>();
        var auth = options.Auth;
        foreach (var (setting, file) in new[] { ("TokenFile", auth.TokenFile), ("PasswordHashFile", auth.PasswordHashFile) })
        {
            if (!string.IsNullOrEmpty(file) && !File.Exists(file))
            {
                errors.Add($"Dashboard:Auth:{setting} '{file}' does not exist.");
            }
        }
        if (errors.Count > 0)
        {
            return ValidateOptionsResult.Fail(errors);
        }
        var credentials = Credentials.From(auth);
        if (credentials.PasswordHash is { } hash && PasswordHash.Problem(hash) is { } problem)
        {
            errors.Add($"Dashboard:Auth:PasswordHash {problem}.");
        }
        if (credentials.PasswordHash is not null && credentials.User is null)
        {
            errors.Add("Dashboard:Auth:PasswordHash is set but Dashboard:Auth:User is not: set the basic-auth user name.");
        }
        var urls = BindAddresses.Split(options.Urls);
        if (urls.Count == 0)
        {
            errors.Add("Dashboard:Urls (--urls) is empty: give a listen URL such as " + WebOptions.DefaultUrls + ".");
        }
        var exposed = BindAddresses.NonLoopback(options.Urls);
        if (exposed.Count > 0 && !credentials.Configured)
        {
            errors.Add($"dashboard web would listen on {string.Join(", ", exposed)}, beyond loopback, without a credential. "
                + "Set Dashboard:Auth:Token or Dashboard:Auth:TokenFile (bearer token), or Dashboard:Auth:User with "
                + "Dashboard:Auth:PasswordHash(File) from 'dashboard hash-password', or listen on 127.0.0.1.");
        }
        if (options.CollectorInterval <= TimeSpan.Zero)
        {
            errors.Add("Dashboard:CollectorInterval must be positive (the Collector's Collector:Interval, e.g. 00:00:10).");
        }
        if (options.LivePollInterval < TimeSpan.FromMilliseconds(100))
        {
            errors.Add("Dashboard:LivePollInterval must be at least 00:00:00.100.");
        }
        // The same rules as the Collector's and the Alerter's InfluxDB settings (one validator), for what a reader needs.
        errors.AddRange(InfluxOptionsValidator.ConnectionErrors(options.Influx, $"{WebOptions.Section}:Influx"));
        if (string.IsNullOrWhiteSpace(options.Influx.Url) && string.IsNullOrWhiteSpace(options.CollectorDatabase))
        {
            errors.Add("Dashboard:CollectorDatabase (--db) is empty: give the path of the Collector's collector.db.");
        }
        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
