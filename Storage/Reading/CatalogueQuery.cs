namespace Storage.Reading;

/// <summary>
/// Which rows <see cref="IStorageReader.GetCatalogueAsync"/> returns.
/// </summary>
/// <param name="Host">Only this host; null for all.</param>
/// <param name="Measurements">Only these measurements; null for the proxy rows, <c>haproxy_process</c> and <c>system</c>.</param>
/// <param name="MaxAge">Series whose newest sample is older than this are left out (a server removed from the
/// configuration stops being listed). Default: the store's raw retention.</param>
public sealed record CatalogueQuery(string? Host = null, IReadOnlyList<string>? Measurements = null, TimeSpan? MaxAge = null);
