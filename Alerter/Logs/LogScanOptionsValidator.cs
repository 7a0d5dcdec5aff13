using Microsoft.Extensions.Options;
using Quartz;

namespace Alerter.Logs;

/// <summary>Start-time checks of <see cref="LogScanOptions"/>, with messages that say what to change.</summary>
/// <param name="requireSources">True for the worker (<c>alerter run</c>); commands such as <c>status</c> run without sources.</param>
public sealed class LogScanOptionsValidator(bool requireSources) : IValidateOptions<LogScanOptions>
{
    public ValidateOptionsResult Validate(string? name, LogScanOptions options)
    {
        var failures = new List<string>();
        if (requireSources && options.Sources.Count == 0)
        {
            failures.Add("Alerter:Logs:Sources is empty: add at least one source, e.g. { \"Path\": \"/var/log/haproxy.log\", \"Host\": \"lb1\" }.");
        }
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var path = options.Sources[i].Path;
            if (string.IsNullOrWhiteSpace(path))
            {
                failures.Add($"Alerter:Logs:Sources:{i}:Path is empty: give the HAProxy log file (or a glob such as /var/log/haproxy*.log).");
            }
            else if (Path.GetDirectoryName(path) is { } directory && directory.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                failures.Add($"Alerter:Logs:Sources:{i}:Path '{path}': wildcards are allowed in the file name only, not in directories.");
            }
        }
        if (options.Interval < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"Alerter:Logs:Interval must be at least 00:00:00.1 (got {options.Interval}).");
        }
        if (!string.IsNullOrWhiteSpace(options.Cron) && !CronExpression.TryParse(options.Cron, out _))
        {
            failures.Add($"Alerter:Logs:Cron '{options.Cron}' is not a Quartz cron expression (seconds first, e.g. '0/10 * * * * ?').");
        }
        if (options.MaxLineBytes is < 256 or > 16 * 1024 * 1024)
        {
            failures.Add($"Alerter:Logs:MaxLineBytes must be between 256 and 16777216 (got {options.MaxLineBytes}).");
        }
        if (options.ReadBufferBytes < options.MaxLineBytes)
        {
            failures.Add($"Alerter:Logs:ReadBufferBytes ({options.ReadBufferBytes}) must be at least MaxLineBytes ({options.MaxLineBytes}).");
        }
        if (options.BatchBytes < 4096)
        {
            failures.Add($"Alerter:Logs:BatchBytes must be at least 4096 (got {options.BatchBytes}).");
        }
        if (options.SummaryInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Alerter:Logs:SummaryInterval must be at least 1 s (got {options.SummaryInterval}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
