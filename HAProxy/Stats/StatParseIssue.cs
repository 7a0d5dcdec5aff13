namespace HAProxy.Stats;

/// <summary>A row that was skipped, and why. <paramref name="LineNumber"/> is 1-based in the reply.</summary>
public sealed record StatParseIssue(int LineNumber, string Problem, string LineStart);
