namespace HAProxy.Stats;

/// <summary>The base state word of a <c>status</c> cell.</summary>
public enum ServerState
{
    Unknown,
    Up,
    Down,
    NoLb,
    Maint,
    Drain,
    NoCheck,
    /// <summary>Frontend/listener accepting connections.</summary>
    Open,
    /// <summary>Frontend/listener at its connection limit.</summary>
    Full,
    /// <summary>Frontend/listener stopped or paused.</summary>
    Stopped,
}
