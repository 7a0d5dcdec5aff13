namespace Storage.Influx;

/// <summary>Which write API the sink speaks.</summary>
public enum InfluxApiVersion
{
    /// <summary><c>POST /write?db=&amp;rp=&amp;precision=</c> with user/password (InfluxDB 1.x; 2.x via DBRP mapping; 3.x).</summary>
    V1,

    /// <summary><c>POST /api/v2/write?org=&amp;bucket=&amp;precision=</c> with <c>Authorization: Token</c> (InfluxDB 2.x/3.x, VictoriaMetrics).</summary>
    V2,
}
