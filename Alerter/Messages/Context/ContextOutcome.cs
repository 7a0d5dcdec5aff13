namespace Alerter.Messages.Context;

/// <summary>What the email got within its bound: the context and its chart, or why not.</summary>
public sealed record ContextOutcome(AlertContext? Context, byte[]? ChartPng, string? UnavailableReason)
{
    public bool Available => Context is not null && UnavailableReason is null;

    public static ContextOutcome Unavailable(string reason) => new(null, null, reason);
}
