namespace Alerter.Sources;

/// <summary>A log source that cannot be read: why (text a person can act on), since when, last seen when.</summary>
public sealed record SourceProblem(string Source, string Host, string Problem, DateTimeOffset Since, DateTimeOffset Checked);
