namespace Storage.Schema;

/// <summary>
/// The stored severity names (the <c>severity</c> tag and column of <c>haproxy_event</c>, the outbox's severity).
/// Declared here rather than taken from an enum's <c>ToString()</c>, so renaming a C# member can never change what the
/// stores, saved links and filters hold.
/// </summary>
public static class Severities
{
    public const string Critical = "critical";
    public const string Warning = "warning";
    public const string Recovery = "recovery";
    public const string Info = "info";

    /// <summary>Every stored severity with its meaning, loudest first.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> All { get; } =
    [
        (Critical, "A backend has no server left, or no active server is left"),
        (Warning, "A server is DOWN while others still serve"),
        (Recovery, "A server is back (UP), a flapping server is stable again"),
        (Info, "Operator actions (maintenance, drain), reloads: recorded, not paged by default"),
    ];

    public static bool IsKnown(string name) => All.Any(s => s.Name == name);
}
