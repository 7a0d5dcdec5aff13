using Alerter.Delivery.Outbox;
using Alerter.Delivery.Templates;
using Alerter.Policy;
using Microsoft.Extensions.Options;

namespace Alerter.Delivery.Dispatch;

/// <summary>
/// Reads undispatched <c>haproxy_event</c> rows in id order and, in ONE transaction, runs the policy, writes the
/// outbox rows, stores flap state, and sets severity and dispatched=1. A crash before commit leaves everything
/// undispatched, and the next run produces the same alert keys.
/// </summary>
public sealed class AlertDispatcher(IDeliveryDatabase database, IOptions<AlertPolicyOptions> options, TimeProvider time)
{
    /// <summary>At most this many events per run; the rest wait for the next run (in order).</summary>
    public const int MaxEventsPerRun = 5000;

    public DispatchResult DispatchOnce()
    {
        var policyOptions = options.Value;
        var policy = new AlertPolicy(policyOptions);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE: one writer decides
        var now = time.GetUtcNow();
        var unknown = new List<long>();
        var pending = EventRows.ReadPending(connection, transaction, MaxEventsPerRun, unknown);
        var servers = pending.Select(e => e.ServerKey).OfType<ServerKey>().ToHashSet();
        var flapStates = FlapStateRows.Load(connection, transaction, servers);
        var decision = policy.Evaluate(pending, flapStates, now);
        var rows = 0;
        foreach (var alert in decision.Alerts)
        {
            var recipients = AlertRouter.Route(alert, policyOptions);
            if (recipients.Count == 0)
            {
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
        transaction.Commit();
        return new DispatchResult(decision.Dispatched.Count, pending.Count - decision.Dispatched.Count, decision.Alerts.Count, rows,
            decision.Silenced, decision.Suppressed, unknown.Count, decision.NextReleaseAt);
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
