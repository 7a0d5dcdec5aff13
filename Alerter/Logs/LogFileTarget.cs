namespace Alerter.Logs;

/// <summary>One concrete log file (a glob already expanded) and how to tag and start it.</summary>
public sealed record LogFileTarget(string Path, string Host, StartPosition Start);
