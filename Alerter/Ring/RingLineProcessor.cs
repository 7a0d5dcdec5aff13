using Storage.Events;
using Alerter.Logs;
using HAProxy.Logs;

namespace Alerter.Ring;

/// <summary>
/// Turns lines read from <c>show events &lt;ring&gt; -w</c> into <c>haproxy_event</c> rows with the same idempotency
/// keys as the file source (<see cref="EventKey"/>: whole seconds, so an RFC 5424 ring line and the RFC 3164 file
/// line of one event agree). Pure: the caller passes the time. One instance per connection: the backlog a new
/// connection replays numbers same-second repeats (<see cref="OrdinalTracker"/>) as the first pass did, and a
/// message logged to the ring twice (two <c>log ring@...</c> lines) is one event (<see cref="CopyFilter"/>).
/// </summary>
public sealed class RingLineProcessor(string host, string source, TimeSpan assumedUtcOffset, TimeSpan backlogMaxAge)
{
    private readonly EventKeyer _keyer = new();

    public RingLineOutcome Process(string line, DateTimeOffset now, out EventRow? row)
    {
        row = null;
        var text = line.AsSpan().TrimEnd("\r\n");
        if (text.IsEmpty)
        {
            return RingLineOutcome.Empty;
        }
        if (text[0] != '<')
        {
            return RingLineOutcome.CliText;
        }
        var outcome = LogLineParser.TryParse(text, new LogParseContext(now, assumedUtcOffset), out var logEvent);
        if (outcome != LogLineOutcome.Event)
        {
            return outcome == LogLineOutcome.NotAnEvent ? RingLineOutcome.NotAnEvent : RingLineOutcome.Malformed;
        }
        if (LogLineParser.IsUndecodable(text))
        {
            return RingLineOutcome.Malformed;
        }
        var key = _keyer.KeyOf(host, logEvent!, out var isCopy);
        if (isCopy)
        {
            return RingLineOutcome.Copy;
        }
        if (logEvent!.Timestamp is { } at && now - at > backlogMaxAge)
        {
            return RingLineOutcome.Stale;
        }
        row = new EventRow(key, host, logEvent, now, text.ToString(), source);
        return RingLineOutcome.Event;
    }
}
