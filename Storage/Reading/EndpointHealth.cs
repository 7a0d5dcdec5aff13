namespace Storage.Reading;

/// <summary>The Collector's newest record of one endpoint's poll: when, whether it worked, and the error when not.</summary>
public sealed record EndpointHealth(string Host, string Endpoint, DateTimeOffset Time, bool Ok, double? PollDurationMs, string? Error);
