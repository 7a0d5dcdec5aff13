namespace Alerter.Sources;

/// <summary>What <see cref="SourceProblemThrottle"/> says to log for one report.</summary>
public enum ProblemWarning
{
    /// <summary>Nothing (no problem, or the same problem warned about less than a period ago).</summary>
    None,
    /// <summary>A Warning: the first failure, or a different problem than before.</summary>
    First,
    /// <summary>A Warning again: the same problem, a whole period after the last warning.</summary>
    Still,
    /// <summary>An Information line: the source reads again.</summary>
    Resolved,
}
