namespace Storage.Reading;

/// <summary>
/// One series of the schema: a measurement and its tags. <see cref="Proxy"/> and <see cref="Server"/> are null where
/// the measurement has no such tag (<c>haproxy_process</c>, <c>system</c>; frontends and backends have no server).
/// </summary>
public sealed record SeriesId(string Measurement, string Host, string? Proxy = null, string? Server = null);
