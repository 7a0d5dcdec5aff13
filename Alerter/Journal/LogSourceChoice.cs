namespace Alerter.Journal;

/// <summary>
/// Which sources a command reads, decided once when its options are first built (at the start of <c>alerter run</c>,
/// <c>status</c> or <c>backfill</c>; a running worker never switches, since a switch between two sources' positions
/// could lose or repeat the events between them). Pure: the caller says which files exist.
/// <list type="bullet">
/// <item><c>Use=Never</c>: the configured files only.</item>
/// <item><c>Use=Always</c>: the configured files and the journal.</item>
/// <item><c>Use=Auto</c> (default) with file sources configured: those files only (the operator chose them).</item>
/// <item><c>Use=Auto</c> with no file source configured (Debian's default): <c>/var/log/haproxy.log</c> when it or its
/// rotated copy <c>haproxy.log.1</c> exists (rsyslog is installed and writes it; Debian's logrotate renames the file and
/// the new one appears only with HAProxy's next line), otherwise the journal (Debian 12 without rsyslog).</item>
/// </list>
/// </summary>
/// <param name="Journal">Whether the journal source runs.</param>
/// <param name="DefaultFile">The file added as the one source when the Debian default chose it, else null.</param>
/// <param name="Reason">Why, for the start-up log line.</param>
public sealed record LogSourceChoice(bool Journal, string? DefaultFile, string Reason)
{
    public static LogSourceChoice Decide(JournalUse use, int configuredFileSources, Func<string, bool> fileExists, string debianFile = JournalOptions.DebianLogFile)
    {
        switch (use)
        {
            case JournalUse.Never:
                return new LogSourceChoice(false, null, "Alerter:Journal:Use is Never");
            case JournalUse.Always:
                return new LogSourceChoice(true, null, "Alerter:Journal:Use is Always");
        }
        if (configuredFileSources > 0)
        {
            return new LogSourceChoice(false, null, "file sources are configured (Alerter:Logs:Sources) and Alerter:Journal:Use is Auto");
        }
        if (fileExists(debianFile) || fileExists(debianFile + ".1"))
        {
            return new LogSourceChoice(false, debianFile, $"no file source is configured and {debianFile} exists (rsyslog writes it): reading that file");
        }
        return new LogSourceChoice(true, null, $"no file source is configured and {debianFile} does not exist (no rsyslog): reading the journal");
    }
}
