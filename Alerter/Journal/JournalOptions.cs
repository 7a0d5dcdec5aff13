using Alerter.Logs;

namespace Alerter.Journal;

/// <summary>
/// The journal source: HAProxy's messages read from systemd-journald through <c>journalctl --output=json
/// --follow</c>, the journal cursor stored as the checkpoint. Section <c>Alerter:Journal</c>.
/// </summary>
public sealed class JournalOptions
{
    public const string Section = "Alerter:Journal";

    /// <summary>Debian's rsyslog file; <see cref="JournalUse.Auto"/> reads it instead of the journal when it exists.</summary>
    public const string DebianLogFile = "/var/log/haproxy.log";

    /// <summary><c>Auto</c> (default), <c>Always</c> or <c>Never</c>: see <see cref="JournalUse"/>.</summary>
    public JournalUse Use { get; set; } = JournalUse.Auto;

    /// <summary>Journal matches, any of which selects an entry (journalctl's <c>+</c>): <c>FIELD=value</c>. Default
    /// <c>_SYSTEMD_UNIT=haproxy.service</c> and <c>SYSLOG_IDENTIFIER=haproxy</c>. Set the list to replace both.</summary>
    public List<string> Matches { get; set; } = [];

    /// <summary>The highest syslog priority read (journalctl <c>--priority</c>): <c>notice</c> by default, since HAProxy logs
    /// every state change at notice or worse while request lines are info. <c>info</c> also reads HAProxy's stderr copies.</summary>
    public string Priority { get; set; } = "notice";

    /// <summary>A journal directory to read (<c>--directory</c>) instead of the system journal. Default: none.</summary>
    public string? Directory { get; set; }

    /// <summary>Journal files to read (<c>--file</c>, globs allowed) instead of the system journal. Default: none.</summary>
    public List<string> Files { get; set; } = [];

    /// <summary>The <c>host</c> tag of the events. Default: the first file source's host, else this machine's name.</summary>
    public string? Host { get; set; }

    /// <summary>Where a journal without stored cursor starts: <c>End</c> (default: new entries only) or <c>Beginning</c>.</summary>
    public StartPosition Start { get; set; } = StartPosition.End;

    /// <summary>The journalctl executable (a name looked up on PATH, or a path). Default <c>journalctl</c>.</summary>
    public string JournalctlPath { get; set; } = "journalctl";

    /// <summary>First wait before journalctl is started again after it exited. Default 1 s, doubling to <see cref="RestartMaxDelay"/>.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two starts of journalctl. Default 30 s.</summary>
    public TimeSpan RestartMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most entries committed in one transaction (with the cursor). Default 1000.</summary>
    public int BatchEntries { get; set; } = 1000;

    /// <summary>Entries longer than this (JSON bytes) are skipped and counted. Default 64 KiB.</summary>
    public int MaxEntryBytes { get; set; } = 64 * 1024;

    /// <summary>The matches in effect: <see cref="Matches"/>, or the defaults when it is empty.</summary>
    public IReadOnlyList<string> EffectiveMatches => Matches.Count > 0 ? Matches : ["_SYSTEMD_UNIT=haproxy.service", "SYSLOG_IDENTIFIER=haproxy"];

    /// <summary>The source's name in checkpoints, status and health: <c>journal:system</c>, <c>journal:DIR</c> or
    /// <c>journal:FILE,...</c>. The cursor belongs to that journal: pointing elsewhere starts a new checkpoint.</summary>
    public string SourceName => !string.IsNullOrWhiteSpace(Directory) ? "journal:" + Path.GetFullPath(Directory)
        : Files.Count > 0 ? "journal:" + string.Join(",", Files.Select(Path.GetFullPath))
        : "journal:system";

    public string ResolveHost(LogScanOptions logs)
        => !string.IsNullOrWhiteSpace(Host) ? Host : logs.Sources.FirstOrDefault()?.ResolvedHost ?? Environment.MachineName;
}
