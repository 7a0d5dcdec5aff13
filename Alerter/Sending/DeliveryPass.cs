using Alerter.Policy;
using Alerter.Sending.Outbox;

namespace Alerter.Sending;

/// <summary>
/// The state of one <see cref="DeliveryRunner.RunOnceAsync"/> run: which recipients wait (their head failed, or its
/// transport is down: their later rows must not overtake it), which transports are down, and the counts.
/// </summary>
internal sealed class DeliveryPass(int maxSends)
{
    private readonly HashSet<(AlertChannel, string)> _waiting = [];
    private readonly HashSet<string> _downTransports = [];

    public int Sends { get; set; }

    public int Sent { get; set; }

    public int Retried { get; set; }

    public int Failed { get; set; }

    public int Duplicates { get; set; }

    /// <summary>The run has made its <c>MaxSendsPerRun</c> sends.</summary>
    public bool Full => Sends >= maxSends;

    public bool IsWaiting(OutboxMessage head) => _waiting.Contains((head.Channel, head.Recipient));

    public void Wait(OutboxMessage head) => _waiting.Add((head.Channel, head.Recipient));

    public bool IsDown(string transport) => _downTransports.Contains(transport);

    public void Down(string transport) => _downTransports.Add(transport);

    public DeliveryResult ToResult() => new(Sent, Retried, Failed, Duplicates);
}
