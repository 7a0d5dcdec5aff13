using Microsoft.Extensions.Options;

namespace Alerter.Journal;

/// <summary>Start-time checks of <see cref="JournalOptions"/>, with messages that say what to change.</summary>
public sealed class JournalOptionsValidator : IValidateOptions<JournalOptions>
{
    private static readonly string[] Priorities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug", "0", "1", "2", "3", "4", "5", "6", "7"];

    public ValidateOptionsResult Validate(string? name, JournalOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Matches.Count; i++)
        {
            var match = options.Matches[i];
            var equals = match.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !match[..equals].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                failures.Add($"Alerter:Journal:Matches:{i} '{match}' must be FIELD=value with an upper-case journal field name, e.g. _SYSTEMD_UNIT=haproxy.service or SYSLOG_IDENTIFIER=haproxy.");
            }
        }
        if (!string.IsNullOrEmpty(options.Priority) && !Priorities.Contains(options.Priority, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Alerter:Journal:Priority '{options.Priority}' must be a syslog level (emerg, alert, crit, err, warning, notice, info, debug) or 0-7.");
        }
        if (!string.IsNullOrWhiteSpace(options.Directory) && options.Files.Count > 0)
        {
            failures.Add("Alerter:Journal:Directory and Alerter:Journal:Files cannot both be set: journalctl reads one or the other.");
        }
        if (string.IsNullOrWhiteSpace(options.JournalctlPath))
        {
            failures.Add("Alerter:Journal:JournalctlPath is empty: give journalctl's name or path (default journalctl).");
        }
        if (options.RestartDelay <= TimeSpan.Zero || options.RestartMaxDelay < options.RestartDelay)
        {
            failures.Add($"Alerter:Journal:RestartDelay ({options.RestartDelay}) must be positive and at most RestartMaxDelay ({options.RestartMaxDelay}).");
        }
        if (options.BatchEntries is < 1 or > 100_000)
        {
            failures.Add($"Alerter:Journal:BatchEntries must be between 1 and 100000 (got {options.BatchEntries}).");
        }
        if (options.MaxEntryBytes is < 256 or > 16 * 1024 * 1024)
        {
            failures.Add($"Alerter:Journal:MaxEntryBytes must be between 256 and 16777216 (got {options.MaxEntryBytes}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
