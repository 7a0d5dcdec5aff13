using Alerter.Messages.Context;

namespace AlertMail.Render.Benchmarks;

/// <summary>30 minutes of 10 s samples (181 per field) for a server and its backend, the server dropping to 0 at the transition.</summary>
internal static class SampleTraffic
{
    public static AlertContext Build(AlertContextRequest request)
    {
        var times = Enumerable.Range(0, 181).Select(i => request.From + TimeSpan.FromSeconds(10 * i)).ToList();
        var random = new Random(42);
        SeriesContext Series(double scale, bool server)
        {
            var fields = ContextFields.Shown.Select((f, k) => new FieldSeries(f.Field, times,
                times.Select((_, i) => server && i >= 175 ? 0 : (double?)Math.Round(scale * (k + 1) * (10 + random.NextDouble() * 5), 2)).ToList())).ToList();
            return new SeriesContext(fields, fields.ToDictionary(f => f.Field, f => f.Values[^1]));
        }
        return new AlertContext(Series(1, server: true), Series(3, server: false),
            [new BackendServerState("web1", "DOWN"), new BackendServerState("web2", "UP"), new BackendServerState("web3", "UP")], request.At);
    }
}
