using System.Globalization;

namespace Alerter.Sources;

/// <summary>
/// The texts of source problems: what is wrong, as whom, and what to do on Debian. Pure: every fact is passed in.
/// Every permission text says that a new group membership needs a restart, because a running process keeps the groups
/// it started with: `adduser` alone changes nothing until the service is restarted.
/// </summary>
public static class SourceAdvice
{
    private const string Restart = "then restart the Alerter (a new group membership applies only to processes started after it)";

    public static string FileUnreadable(string path, AccessFacts facts)
    {
        var mode = facts.Mode is { } m ? Convert.ToString(m & 0xFFF, 8).PadLeft(4, '0') : "?";
        var text = $"cannot read the log file {path}: permission denied. The Alerter runs as {facts.Who}; the file is owned by {facts.Owner ?? "?"}:{facts.Group ?? "?"} with mode {mode}. ";
        if (facts.Group is { } group && facts.Mode is { } bits && (bits & 0x20) != 0)
        {
            return text + string.Create(CultureInfo.InvariantCulture, $"Add the user to group {group} (Debian, where rsyslog writes the file root:adm 0640: `adduser {facts.UserName} {group}`), {Restart}.");
        }
        return text + $"Its group may not read it: make it readable by a group of the user (Debian's rsyslog writes it root:adm 0640; then `adduser {facts.UserName} adm`), {Restart}.";
    }

    public static string FileMissing(string path, bool directoryExists) =>
        (directoryExists
            ? $"the log file {path} does not exist (its directory does). "
            : $"the log file {path} does not exist, nor does its directory {Path.GetDirectoryName(path)}. ")
        + "Is HAProxy logging to it? On Debian the file is written by rsyslog (`apt-get install rsyslog`: its /etc/rsyslog.d/49-haproxy.conf writes /var/log/haproxy.log); "
        + "without rsyslog HAProxy's messages go to the journal: set Alerter:Journal:Use=Always, or leave Alerter:Logs:Sources empty so that the Alerter reads the journal when /var/log/haproxy.log is missing.";

    public static string DirectoryNotSearchable(string path, AccessFacts facts) =>
        $"cannot reach the log file {path}: permission denied on a directory on the way to it. The Alerter runs as {facts.Who}: give it execute (x) permission on every parent directory of {path}, {Restart} if you changed its groups.";

    public static string JournalctlMissing(string journalctl) =>
        $"journalctl ('{journalctl}', Alerter:Journal:JournalctlPath) was not found: install it (Debian: package systemd) or point Alerter:Journal:JournalctlPath at it.";

    public static string JournalUnreadable(string said, AccessFacts facts, string? directory) =>
        $"cannot read the journal{(directory is null ? "" : " in " + directory)}: journalctl says \"{said}\". The Alerter runs as {facts.Who}. "
        + $"Members of group systemd-journal (or adm) read the system journal: on Debian `adduser {facts.UserName} systemd-journal`, {Restart}."
        + (directory is not null && facts.Owner is not null && facts.Mode is { } mode
            ? $" {directory} is owned by {facts.Owner}:{facts.Group} with mode {Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0')}."
            : "");

    public static string JournalctlExited(int exitCode, string? said) =>
        string.Create(CultureInfo.InvariantCulture, $"journalctl exited with code {exitCode}{(said is null ? "" : $": \"{said}\"")}; it is started again with backoff.");

    /// <summary>Whether a journalctl stderr line means the journal cannot be read for lack of permission.</summary>
    public static bool IsJournalPermissionText(string line) =>
        line.Contains("insufficient permissions", StringComparison.OrdinalIgnoreCase)
        || line.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)
        || line.Contains("not seeing messages from other users", StringComparison.OrdinalIgnoreCase);
}
