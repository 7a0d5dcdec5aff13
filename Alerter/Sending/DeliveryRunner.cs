using Alerter.Sending.Outbox;
using Storage.Retry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerter.Sending;

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
        var pass = new DeliveryPass(delivery.MaxSendsPerRun);
        while (!pass.Full && !cancellationToken.IsCancellationRequested)
        {
            var heads = store.DueHeads(time.GetUtcNow(), delivery.MaxSendsPerRun).Where(h => !pass.IsWaiting(h)).ToList();
            if (!await SendHeadsAsync(heads, pass, delivery, cancellationToken))
            {
                break; // every due head waits (behind a failure, or on a transport that is down): nothing more this run
            }
        }
        return pass.ToResult();
    }

    /// <summary>Sends each head whose transport is up, in order; false when none was sent.</summary>
    private async Task<bool> SendHeadsAsync(List<OutboxMessage> heads, DeliveryPass pass, DeliveryOptions delivery, CancellationToken cancellationToken)
    {
        var progressed = false;
        foreach (var head in heads)
        {
            var sender = senders.FirstOrDefault(s => s.Handles(head.Channel));
            if (sender is null || pass.IsDown(sender.Transport))
            {
                pass.Wait(head);
                continue;
            }
            var result = await SendAsync(head, sender, pass, cancellationToken);
            pass.Sends++;
            progressed = true;
            Record(head, sender, result, pass, delivery);
            if (pass.Full)
            {
                break;
            }
        }
        return progressed;
    }

    /// <summary>The first commit (in flight), then the send; a sender that throws is a transient failure.</summary>
    private async Task<SendResult> SendAsync(OutboxMessage head, IAlertSender sender, DeliveryPass pass, CancellationToken cancellationToken)
    {
        if (head.InFlight)
        {
            pass.Duplicates++;
            LogPossibleDuplicate(head.Id, head.Channel, head.MessageId);
        }
        store.MarkInFlight(head.Id, time.GetUtcNow());
        try
        {
            return await sender.SendAsync(head, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSenderFailed(ex, head.Id);
            return new SendResult(SendOutcome.Transient, DeliveryProblem.TransientServerError, $"unexpected {ex.GetType().Name}");
        }
    }

    /// <summary>The second commit: sent, failed for good, or a retry after the backoff (or given up past GiveUpAfter).</summary>
    private void Record(OutboxMessage head, IAlertSender sender, SendResult result, DeliveryPass pass, DeliveryOptions delivery)
    {
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                store.MarkSent(head.Id, now);
                pass.Sent++;
                LogSent(head.Id, head.Channel, head.Severity, head.Attempts + 1);
                break;
            case SendOutcome.Permanent:
                store.MarkFailed(head.Id, now, result.ToString());
                pass.Failed++;
                LogPermanent(head.Id, head.Channel, result.Problem, result.Detail);
                break;
            default:
                pass.Wait(head);
                if (now - head.CreatedAt >= delivery.GiveUpAfter)
                {
                    store.MarkFailed(head.Id, now, "gave up: " + result);
                    pass.Failed++;
                    LogGaveUp(head.Id, head.Channel, result.Problem, delivery.GiveUpAfter);
                    break;
                }
                ScheduleRetry(head, sender, result, now, pass, delivery);
                break;
        }
    }

    private void ScheduleRetry(OutboxMessage head, IAlertSender sender, SendResult result, DateTimeOffset now, DeliveryPass pass, DeliveryOptions delivery)
    {
        var delay = new ExponentialBackoff(delivery.InitialBackoff, delivery.MaxBackoff, delivery.BackoffMultiplier).Delay(head.Attempts);
        store.MarkRetry(head.Id, now + delay, result.ToString());
        pass.Retried++;
        LogRetry(head.Id, head.Channel, result.Problem, result.Detail, delay.TotalSeconds);
        if (result.ChannelDown)
        {
            pass.Down(sender.Transport); // e.g. the SMTP server is unreachable: the rest of the pass skips that transport
        }
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
