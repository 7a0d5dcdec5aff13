namespace Alerter.Messages.Context;

/// <summary>One series (a server, or a backend) over the window: one <see cref="FieldSeries"/> per field, and each field's value at the alert.</summary>
/// <param name="AtAlert">The value of each field at the moment of the alert (the last sample at or before it); null = no sample.</param>
public sealed record SeriesContext(IReadOnlyList<FieldSeries> Fields, IReadOnlyDictionary<string, double?> AtAlert)
{
    public FieldSeries? Field(string name) => Fields.FirstOrDefault(f => f.Field == name);

    public double? ValueAtAlert(string name) => AtAlert.GetValueOrDefault(name);
}
