using Alerter.Policy;
using Storage.Schema;
using System.Globalization;
using HAProxy.Logs;

namespace Alerter.Messages.Templates;

/// <summary>Short human phrases for events and times, shared by the email and SMS templates. Pure.</summary>
public static class EventPhrases
{
    public static string Verb(LogEventKind kind) => kind switch
    {
        LogEventKind.ServerDown => "is DOWN",
        LogEventKind.ServerUp => "is UP",
        LogEventKind.ServerEnteringMaintenance => "is going DOWN for maintenance",
        LogEventKind.ServerDownEntersMaintenance => "was DOWN and enters maintenance",
        LogEventKind.ServerLeavingMaintenance => "is leaving maintenance",
        LogEventKind.ServerEnteringDrain => "enters drain",
        LogEventKind.ServerLeavingDrain => "is leaving drain",
        LogEventKind.BackendNoServerAvailable => "has no server available",
        LogEventKind.ProxyStopped => "stopped",
        LogEventKind.HealthCheckFailed => "failed a health check",
        LogEventKind.HealthCheckSucceeded => "passed a health check",
        _ => kind.ToString(),
    };

    public static string Verb(string storedKind)
        => EventKinds.TryParse(storedKind, out var kind) ? Verb(kind) : storedKind;

    /// <summary>The health check's details (<c>"Connection refused", code 503, 2 ms</c>), or null when the line has none; text and HTML parts alike.</summary>
    public static string? Check(PolicyEvent e)
    {
        var parts = new List<string>();
        if (e.CheckInfo is not null) parts.Add($"\"{e.CheckInfo}\"");
        if (e.CheckCode is not null) parts.Add($"code {e.CheckCode}");
        if (e.CheckDurationMs is not null) parts.Add($"{e.CheckDurationMs} ms");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    public static string Subject(PolicyEvent e) => e.Server is null ? $"backend {e.Proxy}" : $"{e.Proxy}/{e.Server}";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0} min" : $"{span.TotalSeconds:0} s";

    public static string SeverityTag(AlertSeverity severity) => severity.ToString().ToUpperInvariant();

    /// <summary>One-line title of the alert (unsanitised: callers sanitise for headers).</summary>
    public static string Title(Alert alert, AlertPolicyOptions options)
    {
        switch (alert.Kind)
        {
            case AlertKind.Flapping:
                return $"{alert.Proxy}/{alert.Server} is flapping ({alert.FlapChanges} state changes within {Duration(options.FlapWindow)})";
            case AlertKind.StableAgain:
                return $"{alert.Proxy}/{alert.Server} is stable again ({alert.StableState} for {Duration(options.FlapStableAfter)})";
            case AlertKind.ProxyNotice:
                return $"proxy {alert.Proxy} {Verb(alert.Events[^1].Kind)}";
        }
        var finals = alert.Events.Where(e => e.Server is not null).GroupBy(e => e.Server).Select(g => g.Last()).ToList();
        var down = finals.Count(e => e.Kind == LogEventKind.ServerDown);
        var up = finals.Count(e => e.Kind == LogEventKind.ServerUp);
        if (alert.Kind == AlertKind.BackendDown)
        {
            return down > 0 ? $"backend {alert.Proxy} has no server available ({Servers(down)} DOWN)" : $"backend {alert.Proxy} has no server available";
        }
        if (finals.Count == 1)
        {
            var e = finals[0];
            return e.Reason is null ? $"{Subject(e)} {Verb(e.Kind)}" : $"{Subject(e)} {Verb(e.Kind)} ({e.Reason})";
        }
        if (down == finals.Count)
        {
            return $"{Servers(down)} of backend {alert.Proxy} went DOWN";
        }
        if (up == finals.Count)
        {
            return $"{Servers(up)} of backend {alert.Proxy} are UP again";
        }
        var other = finals.Count - down - up;
        var parts = new List<string>();
        if (down > 0) parts.Add($"{Servers(down)} DOWN");
        if (up > 0) parts.Add($"{Servers(up)} UP");
        if (other > 0) parts.Add($"{Servers(other)} changed by an operator");
        return $"backend {alert.Proxy}: {string.Join(", ", parts)}";
    }

    private static string Servers(int n) => n == 1 ? "1 server" : $"{n} servers";
}
