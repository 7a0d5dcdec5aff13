using Storage.Samples;

namespace Storage.Reading;

/// <summary>A series with its newest sample: every stored field (numbers and strings such as <c>status</c>) and its time.</summary>
public sealed record LatestSample(SeriesId Series, DateTimeOffset Time, IReadOnlyDictionary<string, FieldValue> Fields)
{
    public double? Number(string field) => Fields.TryGetValue(field, out var value) ? value.AsDouble() : null;

    public string? Text(string field) => Fields.TryGetValue(field, out var value) && value.Type == FieldValueType.String ? value.Text : null;
}
