namespace Alerter.Journal;

/// <summary>When the Alerter reads HAProxy's messages from systemd-journald (<see cref="JournalOptions.Use"/>).</summary>
public enum JournalUse
{
    /// <summary>Only when no file source is configured and Debian's <c>/var/log/haproxy.log</c> (or its rotated copy
    /// <c>.1</c>) does not exist when the command starts (<see cref="LogSourceChoice"/>).</summary>
    Auto,
    /// <summary>Always, beside any configured file sources.</summary>
    Always,
    /// <summary>Never: only the configured file sources (and the ring) are read.</summary>
    Never,
}
