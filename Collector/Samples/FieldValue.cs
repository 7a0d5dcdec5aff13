namespace Collector.Samples;

/// <summary>A stored field value: a float, an integer, a string or a boolean (the types line protocol and SQLite share).</summary>
public readonly record struct FieldValue
{
    private FieldValue(FieldValueType type, double number, long integer, string? text)
    {
        Type = type;
        Number = number;
        Integer = integer;
        Text = text;
    }

    public FieldValueType Type { get; }

    public double Number { get; }

    public long Integer { get; }

    public string? Text { get; }

    public bool Boolean => Integer != 0;

    public static FieldValue Of(double value) => new(FieldValueType.Float, value, 0, null);

    public static FieldValue Of(long value) => new(FieldValueType.Integer, value, value, null);

    public static FieldValue Of(string value) => new(FieldValueType.String, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public static FieldValue Of(bool value) => new(FieldValueType.Boolean, value ? 1 : 0, value ? 1 : 0, null);

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
