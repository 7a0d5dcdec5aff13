namespace HAProxy.Rates;

/// <summary>Whether a row's counters could be differenced against the previous sample.</summary>
public enum RowDelta
{
    /// <summary>Deltas computed (a counter empty in either sample has none).</summary>
    Rated,
    /// <summary>The previous sample had no such row (first poll, or a server added by a reload): gauges only.</summary>
    NoEarlierRow,
    /// <summary>The samples are of different process lives, or no time passed: no deltas for any row.</summary>
    NotContinuous,
    /// <summary>A counter of this row went down (<c>clear counters</c>, a restart that kept the Pid): no deltas for it.</summary>
    Reset,
}
