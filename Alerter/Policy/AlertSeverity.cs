namespace Alerter.Policy;

/// <summary>How loud an alert is, in increasing order. Stored under the names of <c>Storage.Schema.Severities</c> (<see cref="SeverityNames"/>).</summary>
public enum AlertSeverity
{
    /// <summary>Operator actions (maintenance, drain), reloads: recorded, not paged by default.</summary>
    Info = 0,

    /// <summary>A server is back (UP), a flapping server is stable again.</summary>
    Recovery = 1,

    /// <summary>A server is DOWN while others still serve.</summary>
    Warning = 2,

    /// <summary>A backend has no server left, or no active server is left.</summary>
    Critical = 3,
}
