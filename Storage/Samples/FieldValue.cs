namespace Storage.Samples;

/// <summary>A stored field value: a float, an integer, a string or a boolean (the types line protocol and SQLite share).</summary>
/// <remarks>24 bytes: the integer and the float share one slot (a 10,000-server poll holds ~450,000 of these).</remarks>
public readonly record struct FieldValue
{
    // the integer (Integer, Boolean) or the IEEE bits of the float (Float); 0 for String
    private readonly long _bits;

    private FieldValue(FieldValueType type, long bits, string? text)
    {
        Type = type;
        _bits = bits;
        Text = text;
    }

    public FieldValueType Type { get; }

    /// <summary>The float; for an integer or boolean its value as a double; 0 for a string.</summary>
    public double Number => Type switch
    {
        FieldValueType.Float => BitConverter.Int64BitsToDouble(_bits),
        FieldValueType.Integer or FieldValueType.Boolean => _bits,
        _ => 0,
    };

    /// <summary>The integer (1 or 0 for a boolean); 0 for a float or a string.</summary>
    public long Integer => Type is FieldValueType.Integer or FieldValueType.Boolean ? _bits : 0;

    public string? Text { get; }

    public bool Boolean => Integer != 0;

    public static FieldValue Of(double value) => new(FieldValueType.Float, BitConverter.DoubleToInt64Bits(value), null);

    public static FieldValue Of(long value) => new(FieldValueType.Integer, value, null);

    public static FieldValue Of(string value) => new(FieldValueType.String, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public static FieldValue Of(bool value) => new(FieldValueType.Boolean, value ? 1 : 0, null);

    /// <summary>The value as a number for charts and roll-ups; null for strings.</summary>
    public double? AsDouble() => Type switch
    {
        FieldValueType.Float => Number,
        FieldValueType.Integer or FieldValueType.Boolean => Integer,
        _ => null,
    };

    public override string ToString() => Type switch
    {
        FieldValueType.Float => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldValueType.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldValueType.Boolean => Boolean ? "true" : "false",
        _ => Text!,
    };
}
