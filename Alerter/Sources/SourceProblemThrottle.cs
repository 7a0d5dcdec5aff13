namespace Alerter.Sources;

/// <summary>
/// Pure: whether a report about a source is worth a log line. One Warning at the first failure (or when the reason
/// changes, e.g. from "missing" to "permission denied"), then the same Warning at most once per <see cref="Period"/>
/// (1 h) while it lasts, and one Information line when the source reads again. A scan every 5 s must not write
/// 720 identical warnings an hour, yet a problem that lasts must not vanish from a log that is read once a day.
/// </summary>
public static class SourceProblemThrottle
{
    /// <summary>The least time between two warnings about the same unchanged problem: 1 h.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    public static (ProblemWarning Warning, ProblemState? Next) Decide(ProblemState? current, string? problem, DateTimeOffset now)
    {
        if (problem is null)
        {
            return (current is null ? ProblemWarning.None : ProblemWarning.Resolved, null);
        }
        if (current is null || !string.Equals(current.Problem, problem, StringComparison.Ordinal))
        {
            return (ProblemWarning.First, new ProblemState(problem, current?.Since ?? now, now));
        }
        if (now - current.LastWarned >= Period)
        {
            return (ProblemWarning.Still, current with { LastWarned = now });
        }
        return (ProblemWarning.None, current);
    }
}
