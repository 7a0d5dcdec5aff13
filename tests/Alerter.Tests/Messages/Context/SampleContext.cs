using Alerter.Messages.Context;

namespace Alerter.Tests.Messages.Context;

/// <summary>Hand-built traffic context: 30 minutes of 10 s samples, a gap, and the server dropping at the alert.</summary>
internal static class SampleContext
{
    public static readonly DateTimeOffset At = new(2026, 12, 1, 12, 30, 0, TimeSpan.Zero);

    public static AlertContextRequest Request(string proxy = "app", string? server = "web1")
        => new("lb1", proxy, server, At, AlertContextRequest.DefaultWindow);

    public static AlertContext Build(string server = "web1")
    {
        var times = Enumerable.Range(0, 181).Select(i => At - AlertContextRequest.DefaultWindow + TimeSpan.FromSeconds(10 * i)).ToList();
        double? ServerValue(int i, double scale) => i is >= 60 and < 66 ? null : i >= 175 ? 0 : scale * (1 + i % 7);
        SeriesContext Series(double scale, bool isServer, IReadOnlyDictionary<string, double?> atAlert) => new(
            ContextFields.Shown.Select((f, k) => new FieldSeries(f.Field, times,
                times.Select((_, i) => isServer ? ServerValue(i, scale * (k + 1)) : scale * (k + 1) * (3 + i % 5)).ToList())).ToList(),
            atAlert);
        return new AlertContext(
            Series(1, isServer: true, new Dictionary<string, double?>
            {
                [ContextFields.SessionsCurrent] = 0,
                [ContextFields.SessionRate] = 12.25,
                [ContextFields.Http5xxRate] = 3.5,
                [ContextFields.ResponseTimeMs] = null,
            }),
            Series(2, isServer: false, new Dictionary<string, double?>
            {
                [ContextFields.SessionsCurrent] = 41,
                [ContextFields.SessionRate] = 97.5,
                [ContextFields.Http5xxRate] = 3.5,
                [ContextFields.ResponseTimeMs] = 18,
            }),
            [new BackendServerState(server, "DOWN", At, FromLog: true), new BackendServerState("web2", "UP", At.AddSeconds(-10)),
             new BackendServerState("web3", "MAINT", At.AddSeconds(-10))],
            At.AddSeconds(2));
    }
}
