using HAProxy.Fields;
using HAProxy.Rates;
using HAProxy.Stats;
using Storage.Schema;

namespace Collector.Rates;

/// <summary>
/// The catalogue fields the Collector stores raw (rates come from <see cref="CounterDeltas"/>), resolved to column
/// positions of one <see cref="StatTable"/> (by header name, never by position), and the stored rate name of each of
/// the deltas' counters, so each row is read without name lookups.
/// </summary>
internal sealed class StatColumnPlan
{
    private static readonly (FieldDefinition Definition, string StoredAs)[] StoredNumbers = FieldCatalogue.All
        .Where(f => f.Kind != FieldKind.Output)
        .Select(f => (Definition: f, StoredAs: ProxyColumns.Find(f.Name)?.StoredAs))
        .Where(f => f.StoredAs is not null)
        .Select(f => (f.Definition, f.StoredAs!))
        .ToArray();

    public StatColumnPlan(StatTable table, IReadOnlyList<RatedCounter> counters)
    {
        Numbers = StoredNumbers.Select(f => new PlannedField(f.Definition, f.StoredAs, table.IndexOf(f.Definition.Name))).Where(p => p.Column >= 0).ToArray();
        RateNames = counters.Select(c => ProxyColumns.Find(c.Definition.Name)?.RateAs).ToArray();
        Scur = table.IndexOf("scur");
        Slim = table.IndexOf("slim");
        CheckStatus = table.IndexOf("check_status");
    }

    /// <summary>Raw values stored as they are (gauges, limits, durations, totals).</summary>
    public PlannedField[] Numbers { get; }

    /// <summary>Aligned with <see cref="CounterDeltas.Counters"/>: the stored name of each counter's rate, null when its rate is not stored.</summary>
    public string?[] RateNames { get; }

    public int Scur { get; }

    public int Slim { get; }

    public int CheckStatus { get; }

    internal readonly record struct PlannedField(FieldDefinition Definition, string StorageName, int Column);
}
