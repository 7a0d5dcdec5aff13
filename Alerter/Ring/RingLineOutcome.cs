namespace Alerter.Ring;

/// <summary>What <see cref="RingLineProcessor"/> made of one line read from the ring.</summary>
public enum RingLineOutcome
{
    /// <summary>A state change to store.</summary>
    Event,
    /// <summary>A state change older than <see cref="RingOptions.BacklogMaxAge"/>: counted for ordinals, not stored.</summary>
    Stale,
    /// <summary>A copy of a state change just read (the ring is a target of two <c>log</c> lines): one event, stored once.</summary>
    Copy,
    /// <summary>A well-formed log line that is not a state change.</summary>
    NotAnEvent,
    /// <summary>A broken line, or a state change whose text was not valid UTF-8 (U+FFFD): skipped and counted.</summary>
    Malformed,
    /// <summary>An empty line (HAProxy ends a CLI answer with one).</summary>
    Empty,
    /// <summary>Text that is not a log line, e.g. HAProxy's answer to an unknown ring name.</summary>
    CliText,
}
