using HAProxy.Logs;

namespace Alerter.Policy;

public sealed partial class AlertPolicy
{
    /// <summary>One released group of one backend: each event's severity and flap outcome, then at most one group alert and one "flapping" alert per server that started flapping.</summary>
    private void EvaluateGroup(IReadOnlyList<PolicyEvent> group, PolicyRun run)
    {
        var reported = new List<PolicyEvent>();
        var flapHidden = new List<PolicyEvent>(); // hidden because a server flaps: the numbers may still confirm them
        var startedFlapping = new List<(ServerKey Server, bool Silenced)>();
        var repeated = new HashSet<long>();
        var flapStarters = new HashSet<long>();
        var changes = 0;
        var flapCovered = false;
        foreach (var e in group)
        {
            var isSilenced = Options.Silences.Any(s => s.Matches(e));
            var outcome = run.ApplyFlap(e, Options);
            if (outcome == FlapOutcome.Repeated)
            {
                repeated.Add(e.Id);
                run.Repeated++;
                run.Dispatch(e, AlertSeverity.Info); // recorded, not paged
                if (!isSilenced && run.IsFlapping(e.ServerKey))
                {
                    flapHidden.Add(e); // a flapping server's outage was never paged: the numbers may still confirm it
                }
                continue;
            }
            changes += e.IsStateChange ? 1 : 0;
            run.Dispatch(e, SeverityClassifier.Classify(e, Options));
            flapCovered |= outcome is FlapOutcome.StartedFlapping or FlapOutcome.Suppressed;
            if (outcome == FlapOutcome.StartedFlapping)
            {
                startedFlapping.Add((e.ServerKey!.Value, isSilenced));
                flapStarters.Add(e.Id); // reported by the "flapping" alert
            }
            if (isSilenced)
            {
                run.Silenced++;
            }
            else if (outcome == FlapOutcome.Normal)
            {
                reported.Add(e);
            }
            else
            {
                flapHidden.Add(e);
            }
        }
        // A server that starts flapping in this group is reported once, as flapping, not transition by transition.
        var flapping = startedFlapping.Select(f => f.Server).ToHashSet();
        Move(reported, flapHidden, e => e.ServerKey is { } s && flapping.Contains(s));
        // A backend emptied only by flapping servers flaps with them: the flapping alert covers its "no server
        // available" events (else the last server of a backend flapping pages critical at every group).
        if (flapCovered && reported.All(e => e.Server is null))
        {
            Move(reported, flapHidden, e => e.Kind == LogEventKind.BackendNoServerAvailable);
        }
        // Every server of the group only repeated its state (a reload's new process re-checking them): the backend
        // was already without servers, so its "no server available" is a repeat too.
        if (repeated.Count > 0 && changes == 0)
        {
            foreach (var e in reported.Where(e => e.Kind == LogEventKind.BackendNoServerAvailable).ToList())
            {
                reported.Remove(e);
                repeated.Add(e.Id);
                run.Repeated++;
                run.Dispatch(e, AlertSeverity.Info);
                if (group.Any(g => run.IsFlapping(g.ServerKey)))
                {
                    flapHidden.Add(e);
                }
            }
        }
        LiftConfirmed(reported, flapHidden, repeated.Union(flapStarters).ToHashSet(), run);
        if (reported.Count > 0)
        {
            run.Alerts.Add(GroupAlert(reported, run.Now));
        }
        foreach (var (server, _) in startedFlapping.Where(f => !f.Silenced))
        {
            run.Alerts.Add(FlappingAlert(run.States[server], group.Where(e => e.ServerKey == server).ToList(), run.Now));
        }
    }

    /// <summary>
    /// Flap suppression lifted where the numbers confirm the outage (paged at its severity, in this group's alert);
    /// the other hidden outage events wait for the numbers (<see cref="PolicyRun.Unconfirmed"/>).
    /// </summary>
    private void LiftConfirmed(List<PolicyEvent> reported, List<PolicyEvent> flapHidden, IReadOnlySet<long> countedElsewhere, PolicyRun run)
    {
        foreach (var e in flapHidden)
        {
            if (OutageEvidence.IsOutage(e) && run.Evidence.Confirms(e))
            {
                reported.Add(e);
                run.Confirmed++;
                run.Dispatch(e, SeverityClassifier.Classify(e, Options));
                continue;
            }
            if (OutageEvidence.IsOutage(e))
            {
                run.Unconfirmed.Add(e);
            }
            if (!countedElsewhere.Contains(e.Id))
            {
                run.Suppressed++; // repeats and the change that started a flap are counted as such
            }
        }
        reported.Sort((a, b) => a.Id.CompareTo(b.Id));
    }

    private static void Move(List<PolicyEvent> from, List<PolicyEvent> to, Predicate<PolicyEvent> match)
    {
        to.AddRange(from.FindAll(match));
        from.RemoveAll(match);
    }
}
