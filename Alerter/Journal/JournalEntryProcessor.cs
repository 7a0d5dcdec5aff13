using Alerter.Logs;
using HAProxy.Logs;
using Storage.Events;

namespace Alerter.Journal;

/// <summary>
/// Turns journal entries into <c>haproxy_event</c> rows with the same idempotency keys as the file and ring sources
/// (<see cref="EventKeyer"/>: copies of one message are one event, same-second repeats get ordinals; its state is saved
/// with the cursor). Pure: the caller passes
/// the time. journald has already taken the syslog envelope apart, so MESSAGE is parsed as a bare message (HAProxy's
/// stderr form <c>[WARNING]  (pid) : ...</c> keeps its envelope and is parsed as such).
/// The event time is <c>__REALTIME_TIMESTAMP</c>, journald's reception time: it is absolute (UTC, microseconds, with
/// the year), present on every entry (stderr lines have no SYSLOG_TIMESTAMP), and the same kind of stamp rsyslog puts in
/// <c>/var/log/haproxy.log</c> (reception time), so the file and the journal of one node key an event alike.
/// <c>SYSLOG_TIMESTAMP</c> would be HAProxy's own clock, but RFC 3164 text: whole seconds, no year, no zone.
/// </summary>
public sealed class JournalEntryProcessor(string host, string source, EventKeyer keyer)
{
    /// <summary>The keying state to save with the cursor.</summary>
    public EventKeyer Keyer => keyer;

    public JournalEntryOutcome Process(JournalEntry entry, DateTimeOffset now, out EventRow? row)
    {
        row = null;
        if (entry.InvalidUtf8)
        {
            return JournalEntryOutcome.InvalidUtf8;
        }
        if (string.IsNullOrEmpty(entry.Message))
        {
            return JournalEntryOutcome.NotAnEvent;
        }
        var message = entry.Message.AsSpan().TrimEnd("\r\n");
        var timestamp = entry.Realtime ?? now;
        var outcome = LogLineParser.TryParse(message, new LogParseContext(timestamp, TimeSpan.Zero), out var parsed);
        if (outcome != LogLineOutcome.Event)
        {
            return outcome == LogLineOutcome.NotAnEvent ? JournalEntryOutcome.NotAnEvent : JournalEntryOutcome.Malformed;
        }
        var logEvent = parsed! with
        {
            Timestamp = timestamp,
            Pid = parsed.Pid ?? entry.Pid,
            Hostname = parsed.Hostname ?? entry.Hostname,
            Severity = parsed.Severity ?? entry.Priority,
            Priority = parsed.Priority ?? (entry.Priority is { } p && entry.Facility is { } f ? f * 8 + p : null),
        };
        var key = keyer.KeyOf(host, logEvent, out var isCopy);
        if (isCopy)
        {
            // Debian's two log lines put every notice line in the journal twice: the copy is the event already keyed.
            return JournalEntryOutcome.Copy;
        }
        row = new EventRow(key, host, logEvent, now, message.ToString(), source);
        return JournalEntryOutcome.Event;
    }
}
