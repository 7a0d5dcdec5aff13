namespace Dashboard.Top.Columns;

/// <summary>
/// One table column: id (also the sort key name), heading, width, alignment, how to show a cell and, for
/// numeric columns, its value for sorting (NaN when empty). Cells are computed only for rows on screen.
/// </summary>
public sealed record TopColumn(
    string Id,
    string Heading,
    int Width,
    bool Right,
    Func<CellSource, string> Text,
    Func<CellSource, double>? Number = null)
{
    public static TopColumn Raw(string field, string heading, int width) => new(
        field, heading, width, true, s => s.Cell(field), s => s.Int(field) is { } v ? v : double.NaN);

    public static TopColumn Bytes(string field, string heading, int width) => new(
        field, heading, width, true, s => s.Int(field) is { } v ? Format.Bytes(v) : "", s => s.Int(field) is { } v ? v : double.NaN);

    public static TopColumn Age(string field, string heading, int width) => new(
        field, heading, width, true, s => s.Int(field) is { } v ? Format.Age(v) : "", s => s.Int(field) is { } v ? v : double.NaN);

    public static TopColumn Derived(string id, string heading, int width, Func<Model.RowDerived, float> value, bool bytes = false) => new(
        id, heading, width, true,
        s => bytes ? Format.ByteRate(value(s.Derived)) : Format.Rate(value(s.Derived)),
        s => value(s.Derived));
}
