namespace HAProxy.Rates;

/// <summary>Whether two consecutive snapshots of one endpoint can be turned into rates.</summary>
public enum Continuity
{
    /// <summary>Same process, time moved forward: counters can be differenced.</summary>
    Continuous,
    /// <summary>No earlier snapshot: gauges only.</summary>
    FirstPoll,
    /// <summary>Another process answers (new Pid or start time, after a reload or restart): gauges only.</summary>
    NewProcess,
    /// <summary>The process uptime went down (a restart that reused the Pid): gauges only.</summary>
    UptimeWentDown,
    /// <summary>The clock did not move forward between the snapshots: no rate can be computed.</summary>
    NoTimeElapsed,
}
