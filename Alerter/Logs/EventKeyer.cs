using HAProxy.Logs;

namespace Alerter.Logs;

/// <summary>
/// Gives each event of one source its idempotency key: the key of the earlier copy when the line is a copy of a
/// message already seen (<see cref="CopyFilter"/>), else <see cref="EventKey.Base"/> with the occurrence ordinal of
/// <see cref="OrdinalTracker"/>. Copies never advance the ordinals, so a log written twice (Debian's two
/// <c>log</c> lines) yields the keys a log written once yields, and keys stored before copies were recognised keep
/// meaning the same messages. Both states travel in one string (the checkpoint's ordinal state); each part skips the
/// other's lines, so a state saved by an older build reads as ordinals only.
/// </summary>
public sealed class EventKeyer
{
    private readonly OrdinalTracker _ordinals;
    private readonly CopyFilter _copies;

    private EventKeyer(OrdinalTracker ordinals, CopyFilter copies)
    {
        _ordinals = ordinals;
        _copies = copies;
    }

    public EventKeyer()
        : this(new OrdinalTracker(), new CopyFilter())
    {
    }

    public static EventKeyer Parse(string? state) => new(OrdinalTracker.Parse(state), CopyFilter.Parse(state));

    /// <summary>The key of <paramref name="logEvent"/>; <paramref name="isCopy"/> says it repeats a message already keyed.</summary>
    public string KeyOf(string host, LogEvent logEvent, out bool isCopy)
    {
        if (_copies.CopyOf(logEvent) is { } earlier)
        {
            isCopy = true;
            return earlier;
        }
        isCopy = false;
        var baseKey = EventKey.Base(host, logEvent);
        var key = EventKey.WithOrdinal(baseKey, _ordinals.Next(baseKey, logEvent.Timestamp));
        _copies.Remember(logEvent, key);
        return key;
    }

    public string Serialize() => _ordinals.Serialize() + _copies.Serialize();
}
