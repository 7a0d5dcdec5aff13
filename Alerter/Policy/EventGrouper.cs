namespace Alerter.Policy;

/// <summary>
/// Splits one backend's pending events (in id order) into groups, pure. A group grows while each event follows the
/// previous one within <see cref="AlertPolicyOptions.GroupSettle"/> and the group spans less than
/// <see cref="AlertPolicyOptions.GroupWindow"/>. The last group is held until it has settled (now - last event &gt;
/// settle) or reached the window (now - first event &gt;= window): holding every alert for the whole window would
/// break the latency target, so only a burst that is still arriving waits.
/// </summary>
public static class EventGrouper
{
    public static (IReadOnlyList<IReadOnlyList<PolicyEvent>> Released, IReadOnlyList<PolicyEvent> Held) Split(
        IReadOnlyList<PolicyEvent> backendEvents, DateTimeOffset now, AlertPolicyOptions options)
    {
        var released = new List<IReadOnlyList<PolicyEvent>>();
        var current = new List<PolicyEvent>();
        DateTimeOffset first = default, last = default;
        var future = false;
        foreach (var e in backendEvents)
        {
            var t = e.Time > now ? now : e.Time;
            if (current.Count > 0 && (t - last > options.GroupSettle || t - first >= options.GroupWindow))
            {
                released.Add(current);
                current = [];
            }
            if (current.Count == 0)
            {
                first = t;
                last = t;
                future = false;
            }
            future |= e.Time > now;
            current.Add(e);
            last = t > last ? t : last;
        }
        if (current.Count == 0)
        {
            return (released, []);
        }
        // A log clock ahead of ours would hold its group forever: release it now rather than never.
        if (future || now - last > options.GroupSettle || now - first >= options.GroupWindow)
        {
            released.Add(current);
            return (released, []);
        }
        return (released, current);
    }

    /// <summary>
    /// The first instant at which <see cref="Split"/> releases <paramref name="held"/> (a group it returned as held,
    /// in id order) if no further event of its backend arrives: one tick after last event + settle (the settle test is
    /// strict), or first event + window, whichever comes first. Null for an empty group.
    /// </summary>
    public static DateTimeOffset? ReleaseAt(IReadOnlyList<PolicyEvent> held, AlertPolicyOptions options)
    {
        if (held.Count == 0)
        {
            return null;
        }
        var first = held[0].Time;
        var last = held.Max(e => e.Time);
        var settled = last + options.GroupSettle + TimeSpan.FromTicks(1);
        var windowEnd = first + options.GroupWindow;
        return settled < windowEnd ? settled : windowEnd;
    }
}
