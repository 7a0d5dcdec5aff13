namespace Alerter.Commands;

/// <summary>Where the export of <c>haproxy_event</c> to InfluxDB stands, as <c>alerter status</c> shows it.</summary>
/// <param name="LastExportedId">The last event id handed to the InfluxDB sink's spool.</param>
/// <param name="Waiting">Events after it: not dispatched yet, or waiting for the next export run.</param>
public sealed record InfluxExportStatus(long LastExportedId, long Waiting);
