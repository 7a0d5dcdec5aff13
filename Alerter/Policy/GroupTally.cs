namespace Alerter.Policy;

/// <summary>What <see cref="AlertPolicy"/> made of the events of one released group, before it decides the group's alerts.</summary>
internal sealed class GroupTally
{
    /// <summary>Events the group's alert lists.</summary>
    public List<PolicyEvent> Reported { get; } = [];

    /// <summary>Events hidden because a server flaps: the numbers may still confirm the outages among them.</summary>
    public List<PolicyEvent> FlapHidden { get; } = [];

    /// <summary>Servers whose change in this group crossed the flap threshold, and whether a silence covers it.</summary>
    public List<(ServerKey Server, bool Silenced)> StartedFlapping { get; } = [];

    /// <summary>Events that repeat a state (counted as repeated, not as suppressed).</summary>
    public HashSet<long> Repeated { get; } = [];

    /// <summary>The changes that started a flap (reported by the "flapping" alert, not counted as suppressed).</summary>
    public HashSet<long> FlapStarters { get; } = [];

    /// <summary>DOWN/UP changes in the group (repeats excluded).</summary>
    public int Changes { get; set; }

    /// <summary>Some event of the group was hidden by flapping.</summary>
    public bool FlapCovered { get; set; }

    public void Move(Predicate<PolicyEvent> match)
    {
        FlapHidden.AddRange(Reported.FindAll(match));
        Reported.RemoveAll(match);
    }
}
