using Alerter.Messages.Templates;
using Alerter.Policy;
using Alerter.Sending.Outbox;
using Alerter.Store;
using Microsoft.Extensions.Options;

namespace Alerter.Dispatch;

/// <summary>
/// Reads undispatched <c>haproxy_event</c> rows in id order and, in ONE transaction, runs the policy, writes the
/// outbox rows, stores flap state and the outages held for the numbers, and sets severity and dispatched=1. A crash
/// before commit leaves everything undispatched, and the next run produces the same alert keys. With the Collector's
/// store connected (<paramref name="evidence"/>), outage events hidden by flap suppression are held, and the store is
/// read only while some are: a run whose policy holds nothing never waits for it.
/// </summary>
public sealed class AlertDispatcher(IDeliveryDatabase database, IOptions<AlertPolicyOptions> options, TimeProvider time, IOutageEvidenceSource? evidence = null)
{
    /// <summary>At most this many events per run; the rest wait for the next run (in order).</summary>
    public const int MaxEventsPerRun = 5000;

    public async Task<DispatchResult> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        var policyOptions = options.Value;
        var policy = new AlertPolicy(policyOptions);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE: one writer decides
        var now = time.GetUtcNow();
        var unknown = new List<long>();
        var pending = EventRows.ReadPending(connection, transaction, MaxEventsPerRun, unknown);
        var unconfirmed = evidence is null ? [] : EventRows.ReadUnconfirmed(connection, transaction);
        var servers = pending.Concat(unconfirmed).Select(e => e.ServerKey).OfType<ServerKey>().ToHashSet();
        var backends = unconfirmed.Select(e => new BackendKey(e.Host, e.Proxy)).ToHashSet();
        var flapStates = FlapStateRows.Load(connection, transaction, servers, backends);
        var input = new PolicyInput(pending, flapStates, unconfirmed, OutageEvidence.None);
        var decision = policy.Evaluate(input, now);
        if (evidence is not null && decision.Unconfirmed is { Count: > 0 } held)
        {
            // The policy is pure: deciding again with what the numbers say is the decision.
            var read = await evidence.ReadAsync(held, now, cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(read, OutageEvidence.None))
            {
                decision = policy.Evaluate(input with { Evidence = read }, now);
            }
        }
        var rows = 0;
        var unrouted = new List<string>();
        foreach (var alert in decision.Alerts)
        {
            var recipients = AlertRouter.Route(alert, policyOptions);
            if (recipients.Count == 0)
            {
                var description = $"{alert.Severity} {alert.Kind} alert of {alert.Host} {alert.Proxy}{(alert.Server is null ? "" : "/" + alert.Server)}";
                unrouted.Add($"{description} (key {alert.Key})");
                OutboxStore.InsertUnrouted(connection, transaction, alert.Key, alert.Severity.StoredName(), description, now);
                continue;
            }
            var recent = RecentTransitions(connection, transaction, alert, policyOptions.RecentTransitions);
            var email = AlertEmailTemplate.Render(alert, recent, policyOptions);
            var sms = AlertSmsTemplate.Render(alert, policyOptions);
            foreach (var recipient in recipients)
            {
                var message = recipient.Channel == AlertChannel.Email ? email : new RenderedMessage("", sms, "");
                rows += OutboxStore.Insert(connection, transaction, alert.Key, alert, recipient, message, now) ? 1 : 0;
            }
        }
        EventRows.MarkDispatched(connection, transaction,
            decision.Dispatched.Select(d => (d.EventId, d.Severity.StoredName()))
                .Concat(unknown.Select(id => (id, "unknown"))));
        FlapStateRows.Save(connection, transaction, decision.FlapStates);
        if (rows > 0)
        {
            OutboxStore.PublishHealth(connection, transaction);
        }
        if (evidence is not null)
        {
            UnconfirmedRows.Replace(connection, transaction, decision.Unconfirmed ?? []);
        }
        transaction.Commit();
        return new DispatchResult(decision.Dispatched.Count, pending.Count - decision.Dispatched.Count, decision.Alerts.Count, rows,
            decision.Silenced, decision.Suppressed, unknown.Count, decision.NextReleaseAt, unrouted, decision.Repeated, decision.Confirmed,
            decision.Unconfirmed?.Count ?? 0);
    }

    private static Dictionary<ServerKey, IReadOnlyList<RecentTransition>> RecentTransitions(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, Alert alert, int count)
    {
        var result = new Dictionary<ServerKey, IReadOnlyList<RecentTransition>>();
        if (count <= 0)
        {
            return result;
        }
        var until = alert.Events.Count > 0 ? alert.Events.Max(e => e.Time) : alert.DecidedAt;
        var servers = alert.Server is not null
            ? [new ServerKey(alert.Host, alert.Proxy, alert.Server)]
            : alert.Events.Select(e => e.ServerKey).OfType<ServerKey>().Distinct();
        foreach (var server in servers.Take(20))
        {
            result[server] = EventRows.Recent(connection, transaction, server, until, count);
        }
        return result;
    }
}
