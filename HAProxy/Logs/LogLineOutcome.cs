namespace HAProxy.Logs;

public enum LogLineOutcome
{
    /// <summary>A state-change event was parsed.</summary>
    Event,
    /// <summary>A well-formed line that is not a state change (request logs, other messages): skipped.</summary>
    NotAnEvent,
    /// <summary>Garbage, a truncated state-change line, or a line too long to consider: skipped and counted.</summary>
    Malformed,
}
