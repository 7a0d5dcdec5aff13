namespace Storage.Influx;

/// <summary>Where in a line a piece of text goes; each place has its own escaping rules.</summary>
internal enum EscapeContext
{
    /// <summary>Measurement: comma and space escaped.</summary>
    Measurement,

    /// <summary>Tag key or tag value: comma, equals sign and space escaped.</summary>
    Key,

    /// <summary>Field key: like a tag key; InfluxDB also unescapes <c>\"</c> there.</summary>
    FieldKey,

    /// <summary>Inside a quoted string field value: double quote and backslash escaped.</summary>
    StringValue,
}
