namespace Storage.Influx;

/// <summary>Timestamp precision of the written lines (the <c>precision</c> query parameter of both write APIs).</summary>
public enum InfluxPrecision
{
    /// <summary>Seconds (<c>s</c>).</summary>
    Seconds,

    /// <summary>Milliseconds (<c>ms</c>).</summary>
    Milliseconds,

    /// <summary>Microseconds (<c>us</c>; InfluxDB 1.x also calls it <c>u</c>).</summary>
    Microseconds,

    /// <summary>Nanoseconds (<c>ns</c>), InfluxDB's native precision.</summary>
    Nanoseconds,
}
