using HAProxy.Info;

namespace HAProxy.Rates;

/// <summary>Decides whether counters of two samples belong to the same HAProxy process life.</summary>
public static class ContinuityCheck
{
    public static Continuity Compare(StatSample? previous, StatSample current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return Continuity.FirstPoll;
        }
        if (!SameProcess(previous.Info, current.Info))
        {
            return Continuity.NewProcess;
        }
        if (previous.Info.UptimeSeconds is { } before && current.Info.UptimeSeconds is { } now && now < before)
        {
            return Continuity.UptimeWentDown;
        }
        return current.Timestamp > previous.Timestamp ? Continuity.Continuous : Continuity.NoTimeElapsed;
    }

    // A reconnect (new connection generation) to the same process keeps counters; to another process it
    // does not. Pid and Start_time_sec identify the process, so a changed generation needs no rule of its own.
    private static bool SameProcess(ProcessInfo previous, ProcessInfo current) =>
        previous.Pid == current.Pid
        && (previous.StartTimeUnixSeconds is not { } a || current.StartTimeUnixSeconds is not { } b || a == b);
}
