namespace HAProxy.Fields;

/// <summary>
/// One <c>show stat</c> column: what it is and its unit, in HAProxy's terms. Under which names the suite stores it is
/// Storage's business (<c>Storage.Schema.ProxyColumns</c>), not HAProxy's.
/// </summary>
/// <param name="Name">The CSV header name (<c>stot</c>).</param>
/// <param name="Kind">Counter, gauge, ...</param>
/// <param name="Unit">Unit of the raw value (<c>sessions</c>, <c>bytes</c>, <c>ms</c>, <c>s</c>); empty when none.</param>
/// <param name="Description">Short text for help screens and docs.</param>
/// <param name="Scope">Row types that carry it.</param>
public sealed record FieldDefinition(
    string Name,
    FieldKind Kind,
    string Unit,
    string Description,
    FieldScope Scope);
