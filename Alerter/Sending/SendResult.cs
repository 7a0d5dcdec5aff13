namespace Alerter.Sending;

/// <summary>The result of one send attempt. <see cref="Detail"/> never contains secrets.</summary>
public sealed record SendResult(SendOutcome Outcome, DeliveryProblem Problem, string Detail)
{
    public static readonly SendResult Sent = new(SendOutcome.Sent, DeliveryProblem.None, "accepted");

    /// <summary>Problems of the server or our configuration rather than of one recipient: stop using the channel for this pass.</summary>
    public bool ChannelDown => Problem is DeliveryProblem.AuthenticationFailed or DeliveryProblem.AuthenticationRequired
        or DeliveryProblem.TlsRequired or DeliveryProblem.TlsFailed or DeliveryProblem.UntrustedCertificate or DeliveryProblem.Unreachable or DeliveryProblem.Timeout
        or DeliveryProblem.GatewayUnavailable or DeliveryProblem.NotConfigured;

    public override string ToString() => $"{Outcome} {Problem}: {Detail}";
}
