namespace Alerter.Messages.Context;

/// <summary>What the email wants to show: <paramref name="Window"/> of traffic up to <paramref name="At"/>.</summary>
/// <param name="Server">Null for backend events (no server available, proxy stopped): the backend's series only.</param>
/// <param name="At">The transition's log time: the chart marks it and the numbers are taken there.</param>
public sealed record AlertContextRequest(string Host, string Proxy, string? Server, DateTimeOffset At, TimeSpan Window)
{
    /// <summary>The chart's default span (issue 11: "the last 30 minutes").</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(30);

    public DateTimeOffset From => At - Window;
}
