using HAProxy.Logs;

namespace Alerter.Policy;

public sealed partial class AlertPolicy
{
    /// <summary>One released group of one backend: each event's severity and flap outcome, then at most one group alert and one "flapping" alert per server that started flapping.</summary>
    private void EvaluateGroup(IReadOnlyList<PolicyEvent> group, PolicyRun run)
    {
        var tally = Tally(group, run);
        // A server that starts flapping in this group is reported once, as flapping, not transition by transition.
        var flapping = tally.StartedFlapping.Select(f => f.Server).ToHashSet();
        tally.Move(e => e.ServerKey is { } s && flapping.Contains(s));
        // A backend emptied only by flapping servers flaps with them: the flapping alert covers its "no server
        // available" events (else the last server of a backend flapping pages critical at every group).
        if (tally.FlapCovered && tally.Reported.All(e => e.Server is null))
        {
            tally.Move(e => e.Kind == LogEventKind.BackendNoServerAvailable);
        }
        DropRepeatedBackendDown(group, tally, run);
        LiftConfirmed(tally, run);
        if (tally.Reported.Count > 0)
        {
            run.Alerts.Add(GroupAlert(tally.Reported, run.Now));
        }
        foreach (var (server, _) in tally.StartedFlapping.Where(f => !f.Silenced))
        {
            run.Alerts.Add(FlappingAlert(run.States[server], group.Where(e => e.ServerKey == server).ToList(), run.Now));
        }
    }

    /// <summary>Each event's flap outcome and severity, in order (flap states evolve event by event).</summary>
    private GroupTally Tally(IReadOnlyList<PolicyEvent> group, PolicyRun run)
    {
        var tally = new GroupTally();
        foreach (var e in group)
        {
            var isSilenced = Options.Silences.Any(s => s.Matches(e));
            var outcome = run.ApplyFlap(e, Options);
            if (outcome == FlapOutcome.Repeated)
            {
                tally.Repeated.Add(e.Id);
                run.Repeated++;
                run.Dispatch(e, AlertSeverity.Info); // recorded, not paged
                if (!isSilenced && run.IsFlapping(e.ServerKey))
                {
                    tally.FlapHidden.Add(e); // a flapping server's outage was never paged: the numbers may still confirm it
                }
                continue;
            }
            tally.Changes += e.IsStateChange ? 1 : 0;
            run.Dispatch(e, SeverityClassifier.Classify(e, Options));
            tally.FlapCovered |= outcome is FlapOutcome.StartedFlapping or FlapOutcome.Suppressed;
            if (outcome == FlapOutcome.StartedFlapping)
            {
                tally.StartedFlapping.Add((e.ServerKey!.Value, isSilenced));
                tally.FlapStarters.Add(e.Id);
            }
            if (isSilenced)
            {
                run.Silenced++;
            }
            else if (outcome == FlapOutcome.Normal)
            {
                tally.Reported.Add(e);
            }
            else
            {
                tally.FlapHidden.Add(e);
            }
        }
        return tally;
    }

    /// <summary>
    /// Every server of the group only repeated its state (a reload's new process re-checking them): the backend was
    /// already without servers, so its "no server available" is a repeat too.
    /// </summary>
    private static void DropRepeatedBackendDown(IReadOnlyList<PolicyEvent> group, GroupTally tally, PolicyRun run)
    {
        if (tally.Repeated.Count == 0 || tally.Changes > 0)
        {
            return;
        }
        foreach (var e in tally.Reported.Where(e => e.Kind == LogEventKind.BackendNoServerAvailable).ToList())
        {
            tally.Reported.Remove(e);
            tally.Repeated.Add(e.Id);
            run.Repeated++;
            run.Dispatch(e, AlertSeverity.Info);
            if (group.Any(g => run.IsFlapping(g.ServerKey)))
            {
                tally.FlapHidden.Add(e);
            }
        }
    }

    /// <summary>
    /// Flap suppression lifted where the numbers confirm the outage (paged at its severity, in this group's alert);
    /// the other hidden outage events wait for the numbers (<see cref="PolicyRun.Unconfirmed"/>).
    /// </summary>
    private void LiftConfirmed(GroupTally tally, PolicyRun run)
    {
        foreach (var e in tally.FlapHidden)
        {
            if (OutageEvidence.IsOutage(e) && run.Evidence.Confirms(e))
            {
                tally.Reported.Add(e);
                run.Confirmed++;
                run.Dispatch(e, SeverityClassifier.Classify(e, Options));
                continue;
            }
            if (OutageEvidence.IsOutage(e))
            {
                run.Unconfirmed.Add(e);
            }
            if (!tally.Repeated.Contains(e.Id) && !tally.FlapStarters.Contains(e.Id))
            {
                run.Suppressed++; // repeats and the change that started a flap are counted as such
            }
        }
        tally.Reported.Sort((a, b) => a.Id.CompareTo(b.Id));
    }
}
