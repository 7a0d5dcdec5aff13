namespace Storage.Sqlite;

/// <summary>A series tagged with nothing but <c>host</c>, <c>proxy</c> and <c>server</c> (null when absent: an absent tag and an empty one are different series): every proxy row.</summary>
public readonly record struct StandardSeries(string Measurement, string? Host, string? Proxy, string? Server);
