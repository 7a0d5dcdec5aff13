namespace Storage.Influx.Reading;

/// <summary>InfluxDB could not answer a query: unreachable, refused credentials, not InfluxDB, or its own error text.</summary>
public sealed class InfluxQueryException(string message, Exception? inner = null) : Exception(message, inner);
