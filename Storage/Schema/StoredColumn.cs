namespace Storage.Schema;

/// <summary>One <c>show stat</c> column the store keeps (see <see cref="ProxyColumns"/>).</summary>
/// <param name="Column">HAProxy's CSV header name (<c>stot</c>), a name of <see cref="HAProxy.Fields.FieldCatalogue"/>.</param>
/// <param name="StoredAs">The stored field of the raw value (<c>sessions_total</c>), or null when only its rate is stored.</param>
/// <param name="RateAs">For a counter: the stored field of its per-second rate (<c>session_rate</c>).</param>
public sealed record StoredColumn(string Column, string? StoredAs, string? RateAs = null);
