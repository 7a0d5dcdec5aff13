namespace Alerter.Policy;

/// <summary>What an alert reports.</summary>
public enum AlertKind
{
    /// <summary>One or more server transitions of one backend (grouped).</summary>
    Transitions,

    /// <summary>The backend has no server available; covers its servers' transitions in the same group.</summary>
    BackendDown,

    /// <summary>A server started flapping.</summary>
    Flapping,

    /// <summary>A flapping server has been stable for the stable period.</summary>
    StableAgain,

    /// <summary>A proxy stopped (reload) or another proxy-level notice.</summary>
    ProxyNotice,
}
