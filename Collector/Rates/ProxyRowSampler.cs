using Storage.Schema;
using Storage.Samples;
using HAProxy.Fields;
using HAProxy.Stats;

namespace Collector.Rates;

/// <summary>
/// Turns <c>show stat</c> rows into <c>haproxy_frontend</c>, <c>haproxy_backend</c> and <c>haproxy_server</c>
/// samples: gauges by their StoredAs names, rates from counter deltas when the previous row of the same
/// process life is known. A negative delta on any counter of a row means its counters were reset
/// (<c>clear counters</c>): that row gets no rates this cycle, never a negative one.
/// </summary>
public static class ProxyRowSampler
{
    public static void AddRows(StatsSnapshot? previous, StatsSnapshot current, bool ratesAllowed, List<Sample> output)
    {
        var plan = new StatColumnPlan(current.Stats);
        var previousColumns = ratesAllowed && previous is not null
            ? plan.Rates.Select(r => previous.Stats.IndexOf(r.Definition.Name)).ToArray()
            : null;
        var matcher = previousColumns is not null ? new PreviousRowMatcher(previous!.Stats) : null;
        var seconds = previous is null ? 0 : (current.Timestamp - previous.Timestamp).TotalSeconds;
        var hostTag = new KeyValuePair<string, string>(Measurements.HostTag, current.Host);
        var rows = current.Stats;
        var fields = new List<KeyValuePair<string, FieldValue>>(64); // scratch; each sample gets an exact-size copy
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
            if (matcher is not null && matcher.Find(i, row) is { } before)
            {
                AddRates(row, before, plan, previousColumns!, scope, seconds, fields);
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
            fields.Add(new("sessions_pct", FieldValue.Of(scur * 100.0 / slim)));
        }
        var status = row.Status;
        if (status.Raw.Length > 0)
        {
            fields.Add(new("status", FieldValue.Of(status.Raw)));
        }
        if (status.Up is { } up)
        {
            fields.Add(new("up", FieldValue.Of((long)up)));
        }
        if (scope == FieldScope.Server && row.GetString(plan.CheckStatus) is { } checkStatus)
        {
            fields.Add(new("check_status", FieldValue.Of(checkStatus)));
        }
    }

    private static void AddRates(
        StatRow row, StatRow before, StatColumnPlan plan, int[] previousColumns, FieldScope scope, double seconds,
        List<KeyValuePair<string, FieldValue>> fields)
    {
        var start = fields.Count;
        var rates = plan.Rates;
        for (var f = 0; f < rates.Length; f++)
        {
            var field = rates[f];
            if ((field.Definition.Scope & scope) == 0 || row.GetInt64(field.Column) is not { } now)
            {
                continue;
            }
            if (previousColumns[f] < 0 || before.GetInt64(previousColumns[f]) is not { } then)
            {
                continue;
            }
            if (now < then)
            {
                fields.RemoveRange(start, fields.Count - start); // this row's counters were reset
                return;
            }
            fields.Add(new(field.StorageName, FieldValue.Of((now - then) / seconds)));
        }
    }
}
