using HAProxy.Fields;
using HAProxy.Stats;

namespace Collector.Rates;

/// <summary>
/// The catalogue fields the Collector stores raw (rates come from <see cref="HAProxy.Rates.CounterDeltas"/>), resolved to column positions of one <see cref="StatTable"/>
/// (by header name, never by position), so each row is read without name lookups.
/// </summary>
internal sealed class StatColumnPlan
{
    private static readonly FieldDefinition[] StoredNumbers =
        FieldCatalogue.All.Where(f => f.StoredAs is not null && f.Kind != FieldKind.Output).ToArray();

    public StatColumnPlan(StatTable table)
    {
        Numbers = StoredNumbers.Select(f => new PlannedField(f, f.StoredAs!, table.IndexOf(f.Name))).Where(p => p.Column >= 0).ToArray();
        Scur = table.IndexOf("scur");
        Slim = table.IndexOf("slim");
        CheckStatus = table.IndexOf("check_status");
    }

    /// <summary>Raw values stored as they are (gauges, limits, durations, totals).</summary>
    public PlannedField[] Numbers { get; }

    public int Scur { get; }

    public int Slim { get; }

    public int CheckStatus { get; }

    internal readonly record struct PlannedField(FieldDefinition Definition, string StorageName, int Column);
}
