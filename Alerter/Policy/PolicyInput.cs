namespace Alerter.Policy;

/// <summary>Everything one policy run decides over, as values.</summary>
/// <param name="Pending">Undispatched events in id order.</param>
/// <param name="FlapStates">Stored flap states of the servers in <paramref name="Pending"/> and of every flapping server.</param>
/// <param name="Unconfirmed">Outage events an earlier run suppressed (flapping) and held for the numbers to confirm.</param>
/// <param name="Evidence">What the Collector's samples confirm now (<see cref="OutageEvidence.None"/> without a store).</param>
public sealed record PolicyInput(
    IReadOnlyList<PolicyEvent> Pending,
    IReadOnlyDictionary<ServerKey, FlapState> FlapStates,
    IReadOnlyList<PolicyEvent> Unconfirmed,
    OutageEvidence Evidence);
