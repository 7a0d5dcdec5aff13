using Storage.Schema;
using Storage.Samples;
using HAProxy.Fields;
using HAProxy.Rates;
using HAProxy.Stats;

namespace Collector.Rates;

/// <summary>
/// Turns <c>show stat</c> rows into <c>haproxy_frontend</c>, <c>haproxy_backend</c> and <c>haproxy_server</c>
/// samples under the names of <see cref="ProxyColumns"/>: gauges raw, rates from <see cref="CounterDeltas"/>, the one
/// reset-aware rule (a row whose counters went down, or a sample of another process life, gets no rates).
/// </summary>
public static class ProxyRowSampler
{
    public static void AddRows(CounterDeltas deltas, StatsSnapshot current, List<Sample> output)
    {
        var plan = new StatColumnPlan(current.Stats, deltas.Counters);
        var rated = deltas.Continuity == Continuity.Continuous;
        var hostTag = new KeyValuePair<string, string>(Measurements.HostTag, current.Host);
        var rows = current.Stats;
        var fields = new List<KeyValuePair<string, FieldValue>>(64); // scratch; each sample gets an exact-size copy
        Span<long> rowDeltas = stackalloc long[deltas.Counters.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var (measurement, scope) = row.Type switch
            {
                StatRowType.Frontend => (Measurements.Frontend, FieldScope.Frontend),
                StatRowType.Backend => (Measurements.Backend, FieldScope.Backend),
                StatRowType.Server => (Measurements.Server, FieldScope.Server),
                _ => (null, FieldScope.None),
            };
            if (measurement is null)
            {
                continue; // listeners (type 3) and unknown row types are not stored
            }
            fields.Clear();
            AddGauges(row, plan, scope, fields);
            if (rated && deltas.Compute(row, deltas.FindPrevious(i, row), rowDeltas) == RowDelta.Rated)
            {
                AddRates(deltas, plan.RateNames, rowDeltas, fields);
            }
            IReadOnlyList<KeyValuePair<string, string>> tags = row.Type == StatRowType.Server
                ? [hostTag, new(Measurements.ProxyTag, row.ProxyName), new(Measurements.ServerTag, row.ServiceName)]
                : [hostTag, new(Measurements.ProxyTag, row.ProxyName)];
            output.Add(new Sample(measurement, tags, fields.ToArray(), current.Timestamp));
        }
    }

    private static void AddGauges(StatRow row, StatColumnPlan plan, FieldScope scope, List<KeyValuePair<string, FieldValue>> fields)
    {
        foreach (var field in plan.Numbers)
        {
            if ((field.Definition.Scope & scope) != 0 && row.GetInt64(field.Column) is { } value)
            {
                fields.Add(new(field.StorageName, FieldValue.Of(value)));
            }
        }
        if (row.GetInt64(plan.Scur) is { } scur && row.GetInt64(plan.Slim) is { } slim && slim > 0)
        {
            fields.Add(new(ProxyFields.SessionsPct, FieldValue.Of(scur * 100.0 / slim)));
        }
        var status = row.Status;
        if (status.Raw.Length > 0)
        {
            fields.Add(new(ProxyFields.Status, FieldValue.Of(status.Raw)));
        }
        if (status.Up is { } up)
        {
            fields.Add(new(ProxyFields.Up, FieldValue.Of((long)up)));
        }
        if (scope == FieldScope.Server && row.GetString(plan.CheckStatus) is { } checkStatus)
        {
            fields.Add(new(ProxyFields.CheckStatus, FieldValue.Of(checkStatus)));
        }
    }

    private static void AddRates(CounterDeltas deltas, string?[] rateNames, ReadOnlySpan<long> rowDeltas, List<KeyValuePair<string, FieldValue>> fields)
    {
        for (var c = 0; c < rowDeltas.Length; c++)
        {
            if (rowDeltas[c] != CounterDeltas.None && rateNames[c] is { } name)
            {
                fields.Add(new(name, FieldValue.Of(deltas.Rate(rowDeltas[c]))));
            }
        }
    }
}
