namespace Alerter.Sources;

/// <summary>A source's current problem as the throttle remembers it.</summary>
public sealed record ProblemState(string Problem, DateTimeOffset Since, DateTimeOffset LastWarned);
