namespace Storage.Reading;

/// <summary>The Alerter's checkpoint of one log source: how far it has read and when it last committed.</summary>
public sealed record LogScanHealth(string Source, DateTimeOffset? LastScan, long Offset);
