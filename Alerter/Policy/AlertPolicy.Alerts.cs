using System.Globalization;
using HAProxy.Logs;

namespace Alerter.Policy;

public sealed partial class AlertPolicy
{
    private Alert GroupAlert(List<PolicyEvent> events, DateTimeOffset now)
    {
        var kind = events.Any(e => e.Kind == LogEventKind.BackendNoServerAvailable) ? AlertKind.BackendDown
            : events.All(e => e.Server is null) ? AlertKind.ProxyNotice
            : AlertKind.Transitions;
        return new Alert
        {
            Key = AlertKeys.From(kind.ToString(), events.Select(e => e.Key)),
            Kind = kind,
            Severity = events.Max(e => SeverityClassifier.Classify(e, Options)),
            Host = events[0].Host,
            Proxy = events[0].Proxy,
            Server = events.Select(e => e.Server).Distinct().Count() == 1 ? events[0].Server : null,
            Events = events,
            DecidedAt = now,
        };
    }

    private Alert FlappingAlert(FlapState state, List<PolicyEvent> events, DateTimeOffset now) => new()
    {
        Key = AlertKeys.From(nameof(AlertKind.Flapping), events.Select(e => e.Key)),
        Kind = AlertKind.Flapping,
        Severity = Options.FlappingSeverity,
        Host = state.Server.Host,
        Proxy = state.Server.Proxy,
        Server = state.Server.Server,
        Events = events,
        DecidedAt = now,
        FlapChanges = state.Changes.Count,
        LastChange = state.LastChange,
    };

    private static Alert StableAlert(FlapState state, DateTimeOffset now) => new()
    {
        Key = AlertKeys.From(nameof(AlertKind.StableAgain), [state.Server.ToString(), state.LastChange!.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)]),
        Kind = AlertKind.StableAgain,
        Severity = state.LastKind == LogEventKind.ServerDown ? AlertSeverity.Warning : AlertSeverity.Recovery,
        Host = state.Server.Host,
        Proxy = state.Server.Proxy,
        Server = state.Server.Server,
        Events = [],
        DecidedAt = now,
        StableState = state.LastKind == LogEventKind.ServerDown ? "DOWN" : "UP",
        LastChange = state.LastChange,
    };
}
