using Storage.Retry;
using Alerter.Delivery.Outbox;
using Alerter.Delivery.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerter.Delivery;

/// <summary>
/// Sends due outbox rows, oldest first per recipient: a recipient's later rows wait behind a failing one (in
/// order). Each send is bracketed by two commits: in-flight (before) and sent/retry/failed (after). A crash between
/// the server's acceptance and the second commit resends the row after restart with the same Message-ID; that
/// window is the time of one local SQLite commit, and the resend is logged as a possible duplicate.
/// </summary>
public sealed partial class DeliveryRunner(
    OutboxStore store,
    IEnumerable<IAlertSender> senders,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryRunner> logger)
{
    public async Task<DeliveryResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var delivery = options.Value;
        var downTransports = new HashSet<string>();
        var waiting = new HashSet<(Policy.AlertChannel, string)>();
        int sent = 0, retried = 0, failed = 0, duplicates = 0, sends = 0;
        while (sends < delivery.MaxSendsPerRun && !cancellationToken.IsCancellationRequested)
        {
            var heads = store.DueHeads(time.GetUtcNow(), delivery.MaxSendsPerRun)
                .Where(h => !waiting.Contains((h.Channel, h.Recipient)))
                .ToList();
            var progressed = false;
            foreach (var head in heads)
            {
                var sender = senders.FirstOrDefault(s => s.Handles(head.Channel));
                if (sender is null || downTransports.Contains(sender.Transport))
                {
                    waiting.Add((head.Channel, head.Recipient));
                    continue;
                }
                if (head.InFlight)
                {
                    duplicates++;
                    LogPossibleDuplicate(head.Id, head.Channel, head.MessageId);
                }
                store.MarkInFlight(head.Id, time.GetUtcNow());
                SendResult result;
                try
                {
                    result = await sender.SendAsync(head, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSenderFailed(ex, head.Id);
                    result = new SendResult(SendOutcome.Transient, DeliveryProblem.TransientServerError, $"unexpected {ex.GetType().Name}");
                }
                var now = time.GetUtcNow();
                sends++;
                progressed = true;
                switch (result.Outcome)
                {
                    case SendOutcome.Sent:
                        store.MarkSent(head.Id, now);
                        sent++;
                        LogSent(head.Id, head.Channel, head.Severity, head.Attempts + 1);
                        break;
                    case SendOutcome.Permanent:
                        store.MarkFailed(head.Id, now, result.ToString());
                        failed++;
                        LogPermanent(head.Id, head.Channel, result.Problem, result.Detail);
                        break;
                    default:
                        waiting.Add((head.Channel, head.Recipient));
                        if (now - head.CreatedAt >= delivery.GiveUpAfter)
                        {
                            store.MarkFailed(head.Id, now, "gave up: " + result);
                            failed++;
                            LogGaveUp(head.Id, head.Channel, result.Problem, delivery.GiveUpAfter);
                            break;
                        }
                        var delay = new ExponentialBackoff(delivery.InitialBackoff, delivery.MaxBackoff, delivery.BackoffMultiplier).Delay(head.Attempts);
                        store.MarkRetry(head.Id, now + delay, result.ToString());
                        retried++;
                        LogRetry(head.Id, head.Channel, result.Problem, result.Detail, delay.TotalSeconds);
                        if (result.ChannelDown)
                        {
                            downTransports.Add(sender.Transport);
                        }
                        break;
                }
                if (sends >= delivery.MaxSendsPerRun)
                {
                    break;
                }
            }
            if (!progressed)
            {
                break;
            }
        }
        return new DeliveryResult(sent, retried, failed, duplicates);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {OutboxId} sent by {Channel} ({Severity}, attempt {Attempt})")]
    private partial void LogSent(long outboxId, Policy.AlertChannel channel, Policy.AlertSeverity severity, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {OutboxId} by {Channel} failed ({Problem}: {Detail}); retrying in {DelaySeconds:0.#} s")]
    private partial void LogRetry(long outboxId, Policy.AlertChannel channel, DeliveryProblem problem, string detail, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {OutboxId} by {Channel} can never be delivered ({Problem}: {Detail}); marked failed")]
    private partial void LogPermanent(long outboxId, Policy.AlertChannel channel, DeliveryProblem problem, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {OutboxId} by {Channel} still failing ({Problem}) after {GiveUpAfter}; marked failed")]
    private partial void LogGaveUp(long outboxId, Policy.AlertChannel channel, DeliveryProblem problem, TimeSpan giveUpAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sender failed unexpectedly on alert {OutboxId}; will retry")]
    private partial void LogSenderFailed(Exception exception, long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {OutboxId} by {Channel} was being sent when the process stopped; sending again (possible duplicate, Message-ID {MessageId})")]
    private partial void LogPossibleDuplicate(long outboxId, Policy.AlertChannel channel, string messageId);
}
