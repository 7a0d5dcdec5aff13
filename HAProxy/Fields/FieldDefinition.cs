namespace HAProxy.Fields;

/// <summary>
/// One <c>show stat</c> column: what it is, its unit, and under which names the suite stores it.
/// </summary>
/// <param name="Name">The CSV header name (<c>stot</c>).</param>
/// <param name="Kind">Counter, gauge, ...</param>
/// <param name="Unit">Unit of the raw value (<c>sessions</c>, <c>bytes</c>, <c>ms</c>, <c>s</c>); empty when none.</param>
/// <param name="Description">Short text for help screens and docs.</param>
/// <param name="Scope">Row types that carry it.</param>
/// <param name="StoredAs">Storage field for the raw value (<c>sessions_current</c>, <c>sessions_total</c>), or null when not stored raw.</param>
/// <param name="RateAs">For counters: storage field of the per-second rate (<c>session_rate</c>).</param>
public sealed record FieldDefinition(
    string Name,
    FieldKind Kind,
    string Unit,
    string Description,
    FieldScope Scope,
    string? StoredAs = null,
    string? RateAs = null);
