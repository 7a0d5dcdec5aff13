using Microsoft.Extensions.Options;

namespace Storage.Influx;

/// <summary>
/// Checks <see cref="InfluxOptions"/> at start, with messages that say what to change: the one set of rules for every
/// part that talks to InfluxDB. <see cref="ConnectionErrors"/> is what a reader needs too (address, credentials,
/// database or bucket); <see cref="Validate"/> adds the writer's batch, retry, precision and spool rules.
/// </summary>
public sealed class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    private readonly string _section;
    private readonly TimeSpan? _interval;

    /// <param name="section">Where the settings are read from, named in every message.</param>
    /// <param name="interval">How often samples of one series are taken, when there is a poll loop.</param>
    public InfluxOptionsValidator(string section, TimeSpan? interval)
    {
        _section = section;
        _interval = interval;
    }

    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return ValidateOptionsResult.Success;
        }
        var errors = ConnectionErrors(options, _section);
        var S = _section;
        if (options.BatchSize is < 1 or > 100_000)
        {
            errors.Add($"{S}:BatchSize must be between 1 and 100000 points (default 5000); it is {options.BatchSize}.");
        }
        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            errors.Add($"{S}:RetryDelay must be positive and no larger than {S}:MaxRetryDelay.");
        }
        if (options.Precision == InfluxPrecision.Seconds && _interval is { } interval && interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            // Points of one series are identified by their timestamp: with ticks at x.5 s, a slow cycle's sample
            // and the next one can fall in the same second, and InfluxDB would keep only the second.
            errors.Add($"Collector:Interval is {interval.TotalSeconds:0.###} s, not a whole number of seconds, while {S}:Precision is Seconds: "
                + $"two samples could share a second and InfluxDB would keep only one. Use a whole-second interval or {S}:Precision Milliseconds.");
        }
        if (string.IsNullOrWhiteSpace(options.SpoolDirectory))
        {
            errors.Add($"{S}:SpoolDirectory must name a writable directory (default influx-spool in the data directory).");
        }
        else if (ServiceDefaults.WritableDirectory.Problem(options.SpoolDirectory) is { } problem)
        {
            errors.Add(ServiceDefaults.WritableDirectory.Describe($"{S}:SpoolDirectory", options.SpoolDirectory, problem));
        }
        if (options.SpoolSegmentBytes < 64 * 1024)
        {
            errors.Add($"{S}:SpoolSegmentBytes must be at least 65536 bytes (default 16 MiB).");
        }
        if (options.SpoolMaxBytes < 2 * options.SpoolSegmentBytes)
        {
            errors.Add($"{S}:SpoolMaxBytes must be at least twice {S}:SpoolSegmentBytes (default 512 MiB).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// What any client of InfluxDB needs (the Collector's and the Alerter's writers, the page's InfluxQL reader): an
    /// http(s) URL without credentials in it, the database (V1) or org, bucket and token (V2), readable secret files.
    /// Empty when <see cref="InfluxOptions.Url"/> is not set (InfluxDB not used).
    /// </summary>
    /// <param name="section">Where the settings are read from (<c>Dashboard:Influx</c>), named in every message.</param>
    public static List<string> ConnectionErrors(InfluxOptions options, string section)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return errors;
        }
        var S = section;
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{S}:Url must be an absolute http:// or https:// URL such as http://127.0.0.1:8086.");
        }
        else if (!string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add($"{S}:Url must not contain credentials; use {S}:Username with Password/PasswordFile, or Token/TokenFile.");
        }
        if (options.Api == InfluxApiVersion.V1)
        {
            Require(errors, options.Database, $"{S}:Database is required for the V1 API (the `db` of /write and /query).");
            if (string.IsNullOrEmpty(options.Username) && (!string.IsNullOrEmpty(options.Password) || !string.IsNullOrEmpty(options.PasswordFile)))
            {
                errors.Add($"{S}:Password is set but {S}:Username is not; set both or neither.");
            }
        }
        else
        {
            Require(errors, options.Org, $"{S}:Org is required for the V2 API (the `org` of /api/v2/write).");
            Require(errors, options.Bucket, $"{S}:Bucket is required for the V2 API (the `bucket` of /api/v2/write).");
            if (string.IsNullOrEmpty(options.Token) && string.IsNullOrEmpty(options.TokenFile))
            {
                errors.Add($"{S}:Token (or {S}:TokenFile) is required for the V2 API; pass it through the environment (MONITORING__{S.Replace(":", "__", StringComparison.Ordinal)}__Token) or a file.");
            }
        }
        CheckFile(errors, options.PasswordFile, $"{S}:PasswordFile");
        CheckFile(errors, options.TokenFile, $"{S}:TokenFile");
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{S}:Timeout must be positive, e.g. 00:00:10.");
        }
        return errors;
    }

    private static void Require(List<string> errors, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(message);
        }
    }

    private static void CheckFile(List<string> errors, string? path, string key)
    {
        if (!string.IsNullOrEmpty(path) && ServiceDefaults.ReadableFile.Problem(path) is { } problem)
        {
            errors.Add(ServiceDefaults.ReadableFile.Describe(key, path, problem));
        }
    }
}
