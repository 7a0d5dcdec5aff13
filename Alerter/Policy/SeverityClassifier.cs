using HAProxy.Logs;

namespace Alerter.Policy;

/// <summary>Default severities of DESIGN.md "Alert semantics". Pure.</summary>
public static class SeverityClassifier
{
    public static AlertSeverity Classify(PolicyEvent e, AlertPolicyOptions options) => e.Kind switch
    {
        LogEventKind.BackendNoServerAvailable => AlertSeverity.Critical,
        LogEventKind.ServerDown when e.ActiveLeft is { } left && left <= options.CriticalWhenActiveLeftAtMost => AlertSeverity.Critical,
        LogEventKind.ServerDown => AlertSeverity.Warning,
        LogEventKind.ServerUp => AlertSeverity.Recovery,
        _ => AlertSeverity.Info, // maintenance, drain, proxy stopped, health-check detail lines
    };
}
