namespace Alerter.Journal;

/// <summary>The fields of one journal entry the Alerter uses (from <c>journalctl --output=json</c>).</summary>
/// <param name="Cursor"><c>__CURSOR</c>: where the next read resumes.</param>
/// <param name="Realtime"><c>__REALTIME_TIMESTAMP</c>: when journald received the entry (microseconds, UTC).</param>
/// <param name="Message"><c>MESSAGE</c> decoded as UTF-8, or null when absent or not valid UTF-8 (<see cref="InvalidUtf8"/>).</param>
/// <param name="Pid"><c>SYSLOG_PID</c>, else <c>_PID</c>.</param>
/// <param name="Priority"><c>PRIORITY</c> (the syslog severity, 0-7).</param>
/// <param name="Facility"><c>SYSLOG_FACILITY</c>.</param>
public sealed record JournalEntry(string Cursor, DateTimeOffset? Realtime, string? Message, bool InvalidUtf8, int? Pid, string? Hostname, int? Priority, int? Facility);
