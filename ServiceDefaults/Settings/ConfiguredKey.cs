namespace ServiceDefaults.Settings;

/// <summary>One key as a configuration source holds it.</summary>
/// <param name="Key">The key, colon-separated (<c>Alerter:Smtp:Host</c>).</param>
/// <param name="Value">Its value (null for an empty section).</param>
/// <param name="Origin">Where it was written, for a person: <c>command line</c>, <c>/etc/x.json</c>,
/// <c>environment MONITORING__Alerter__Smtp__Host</c>.</param>
public sealed record ConfiguredKey(string Key, string? Value, string Origin);
