using Dashboard.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Storage.Influx;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Settings that cannot work, told so a person can fix them; the page does not start with any of them. It reads the
/// merged <paramref name="configuration"/> too, for the addresses Kestrel's own settings add (<see cref="ListenEndpoints"/>).
/// </summary>
public sealed class WebOptionsValidator(IConfiguration configuration) : IValidateOptions<WebOptions>
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
        var endpoints = ListenEndpoints.From(configuration, options.Urls);
        if (endpoints.Count == 0)
        {
            errors.Add("Dashboard:Urls (--urls) is empty: give a listen URL such as " + WebOptions.DefaultUrls + ".");
        }
        var exposed = endpoints.Where(e => !BindAddresses.IsLoopback(e.Url)).ToList();
        if (exposed.Count > 0 && !credentials.Configured)
        {
            errors.Add($"dashboard web would listen on {string.Join(", ", exposed.Select(e => e.Url + (e.Setting.StartsWith("Kestrel", StringComparison.Ordinal) ? $" ({e.Setting})" : "")))}, beyond loopback, without a credential. "
                + "Set Dashboard:Auth:Token or Dashboard:Auth:TokenFile (bearer token), or Dashboard:Auth:User with "
                + "Dashboard:Auth:PasswordHash(File) from 'dashboard hash-password', or listen on 127.0.0.1.");
        }
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Url.Length == 0)
            {
                errors.Add($"{endpoint.Setting} is empty: give a URL such as https://0.0.0.0:18190.");
            }
            else if (!endpoint.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !endpoint.IsHttps)
            {
                errors.Add($"{endpoint.Setting} '{endpoint.Url}' is not an http:// or https:// URL.");
            }
            else if (endpoint.IsHttps && endpoint.CertificateSection is null)
            {
                errors.Add($"{endpoint.Setting} '{endpoint.Url}' is https but no certificate is configured: set {ListenEndpoints.DefaultCertificate}:Path "
                    + $"(a .pfx, with :Password) or :Path and :KeyPath (PEM certificate and key){(endpoint.Setting.StartsWith("Kestrel", StringComparison.Ordinal) ? $", or {endpoint.Setting[..^4]}:Certificate:Path" : "")}.");
            }
        }
        foreach (var section in endpoints.Where(e => e.IsHttps).Select(e => e.CertificateSection).OfType<string>().Distinct())
        {
            if (CertificateCheck.Problem(configuration, section) is { } certificate)
            {
                errors.Add(certificate);
            }
        }
        TrustedProxies.Parse(auth.TrustedProxies, out var badProxies);
        if (badProxies.Count > 0)
        {
            errors.Add($"Dashboard:Auth:TrustedProxies: '{Api.TimeWindow.Clip(string.Join(", ", badProxies))}' is not an address or network (write 127.0.0.1;10.0.0.0/8).");
        }
        if (auth.AttemptsPerMinute < 1)
        {
            errors.Add("Dashboard:Auth:AttemptsPerMinute must be at least 1.");
        }
        if (options.Stream.MaxStreams < 1 || options.Stream.MaxStreamsPerClient < 1 || options.Stream.ClientQueue < 1)
        {
            errors.Add("Dashboard:Stream:MaxStreams, MaxStreamsPerClient and ClientQueue must be at least 1.");
        }
        if (options.Stream.StuckAfter <= TimeSpan.Zero)
        {
            errors.Add("Dashboard:Stream:StuckAfter must be positive (e.g. 00:00:10).");
        }
        if (options.LogScanInterval <= TimeSpan.Zero || options.DeliveryInterval <= TimeSpan.Zero)
        {
            errors.Add("Dashboard:LogScanInterval and Dashboard:DeliveryInterval must be positive (the Alerter's Alerter:Logs:Interval and Alerter:Delivery:DeliveryInterval).");
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
