namespace Alerter.Logs;

/// <summary>Where the first scan of a log file starts when it has no checkpoint yet.</summary>
public enum StartPosition
{
    /// <summary>At the end: only lines written from now on (default; history is for <c>alerter backfill</c>).</summary>
    End,
    /// <summary>At byte 0: the whole file.</summary>
    Beginning,
}
