using HAProxy.Fields;
using HAProxy.Stats;

namespace HAProxy.Rates;

/// <summary>
/// The reset-aware rate rule, once, for every catalogue counter (<see cref="FieldCatalogue.RateCounters"/>): pure,
/// two samples in, per-row counter deltas out. Deltas exist only between two samples of the same process life
/// (same Pid and Start_time, uptime not going down, time moved forward; see <see cref="ContinuityCheck"/>), and only
/// for a row none of whose counters went down, so a rate is never negative and never spans a reload. The first
/// poll of a process gives gauges only. The Collector and <c>dashboard top</c> both use it.
/// </summary>
/// <remarks>
/// Built for the Collector's hot path (10,000 servers per cycle): columns are resolved by header name once per
/// pair of tables, rows are matched by position first (<see cref="PreviousRowMatcher"/>), and a row's deltas go
/// into a caller's span, so a row costs no allocation.
/// </remarks>
public sealed class CounterDeltas
{
    /// <summary>A counter without a delta: empty in either sample, not carried by the row type, or not in both tables.</summary>
    public const long None = long.MinValue;

    private static readonly FieldDefinition[] Rated = FieldCatalogue.RateCounters.ToArray();

    private readonly StatTable? _previous;
    private readonly RatedCounter[] _counters;
    private readonly PreviousRowMatcher? _matcher;

    private CounterDeltas(StatTable? previous, RatedCounter[] counters, Continuity continuity, double seconds)
    {
        _previous = previous;
        _counters = counters;
        _matcher = previous is null ? null : new PreviousRowMatcher(previous);
        Continuity = continuity;
        Seconds = seconds;
    }

    /// <summary>Whether the two samples are of one process life.</summary>
    public Continuity Continuity { get; }

    /// <summary>Seconds between the samples when <see cref="Continuity"/> is continuous; otherwise 0.</summary>
    public double Seconds { get; }

    /// <summary>The catalogue counters of the current table, in catalogue order; a row's deltas are aligned with them.</summary>
    public IReadOnlyList<RatedCounter> Counters => _counters;

    public static CounterDeltas Between(StatSample? previous, StatSample current)
    {
        var continuity = ContinuityCheck.Compare(previous, current);
        var continuous = continuity == Continuity.Continuous;
        var counters = new List<RatedCounter>(Rated.Length);
        foreach (var field in Rated)
        {
            var column = current.Stats.IndexOf(field.Name);
            if (column >= 0)
            {
                counters.Add(new RatedCounter(field, column, continuous ? previous!.Stats.IndexOf(field.Name) : -1));
            }
        }
        var seconds = continuous ? (current.Timestamp - previous!.Timestamp).TotalSeconds : 0;
        return new CounterDeltas(previous?.Stats, counters.ToArray(), continuity, seconds);
    }

    /// <summary>The position in <see cref="Counters"/> of the counter named <paramref name="field"/> (<c>stot</c>), or -1.</summary>
    public int IndexOf(string field)
    {
        for (var i = 0; i < _counters.Length; i++)
        {
            if (_counters[i].Definition.Name == field)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The position of <paramref name="row"/>'s counterpart in the previous table (same type, proxy and service), or
    /// -1. Found across process lives too: a viewer keeps a row's history over a reload.
    /// </summary>
    public int FindPrevious(int position, StatRow row) => _matcher?.Find(position, row) ?? -1;

    /// <summary>
    /// Writes <paramref name="row"/>'s counter deltas against the previous row at <paramref name="previous"/> into
    /// <paramref name="deltas"/> (aligned with <see cref="Counters"/>; <see cref="None"/> where there is none).
    /// </summary>
    public RowDelta Compute(StatRow row, int previous, Span<long> deltas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(deltas.Length, _counters.Length);
        if (Continuity != Continuity.Continuous || previous < 0)
        {
            deltas.Fill(None);
            return Continuity != Continuity.Continuous ? RowDelta.NotContinuous : RowDelta.NoEarlierRow;
        }
        var before = _previous![previous];
        var scope = FieldScopes.Of(row.Type);
        for (var c = 0; c < _counters.Length; c++)
        {
            var counter = _counters[c];
            deltas[c] = None;
            if ((counter.Definition.Scope & scope) == 0 || counter.PreviousColumn < 0
                || row.GetInt64(counter.Column) is not { } now || before.GetInt64(counter.PreviousColumn) is not { } then)
            {
                continue;
            }
            if (now < then)
            {
                // One counter going down means the row's counters were reset: none of its deltas is meaningful.
                deltas.Fill(None);
                return RowDelta.Reset;
            }
            deltas[c] = now - then;
        }
        return RowDelta.Rated;
    }

    /// <summary>A delta as a per-second rate over <see cref="Seconds"/>; NaN for <see cref="None"/>.</summary>
    public double Rate(long delta) => delta == None ? double.NaN : delta / Seconds;
}
