namespace Dashboard.Top.Model;

/// <summary>A new HAProxy process answered on an endpoint (reload or restart): counters started again.</summary>
public readonly record struct PidChange(int OldPid, int NewPid, DateTimeOffset At);
