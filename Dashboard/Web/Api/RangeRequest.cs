using Storage.Reading;
using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>A validated <c>GET /api/range</c> request: one series, its numeric fields, a window and an optional step.</summary>
public sealed record RangeRequest(SeriesId Series, IReadOnlyList<string> Fields, DateTimeOffset From, DateTimeOffset To, TimeSpan? Step)
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    /// <summary>Pure: the request, or the sentence a 400 answers with.</summary>
    public static (RangeRequest? Request, string? Error) Parse(string? measurement, string? host, string? proxy, string? server,
        string? fields, string? from, string? to, string? range, string? step, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(measurement) || OverviewRows.MeasurementOf(measurement) is not { } name
            || name is Measurements.Event or Measurements.Collector)
        {
            return (null, $"'measurement' must be frontend, backend, server, process or system (or its stored name); got '{TimeWindow.Clip(measurement ?? "")}'.");
        }
        var schema = StorageSchema.Get(name);
        if (string.IsNullOrEmpty(host))
        {
            return (null, "'host' is required.");
        }
        var hasProxy = schema.HasTag(Measurements.ProxyTag);
        var hasServer = schema.HasTag(Measurements.ServerTag);
        if (hasProxy && string.IsNullOrEmpty(proxy))
        {
            return (null, $"'proxy' is required for {OverviewRows.KindOf(name)} series.");
        }
        if (hasServer && string.IsNullOrEmpty(server))
        {
            return (null, "'server' is required for server series.");
        }
        var names = (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0 || names.Count > StorageLimits.MaxFields)
        {
            return (null, $"'fields' must name 1 to {StorageLimits.MaxFields} fields, comma-separated.");
        }
        foreach (var field in names)
        {
            var declared = schema.Field(field);
            if (declared is null)
            {
                return (null, $"{name} has no field '{TimeWindow.Clip(field)}' (see docs/schema.md).");
            }
            if (declared.Type == SchemaFieldType.String)
            {
                return (null, $"'{field}' is text, not a number: read it from /api/overview.");
            }
        }
        if (!TimeWindow.TryParse(from, to, range, now, DefaultRange, out var start, out var end, out var error))
        {
            return (null, error);
        }
        TimeSpan? parsedStep = null;
        if (!string.IsNullOrEmpty(step))
        {
            if (!TimeWindow.TryParseDuration(step, out var s))
            {
                return (null, $"'step' must be a duration such as 10s or 1m; got '{TimeWindow.Clip(step)}'.");
            }
            parsedStep = s;
        }
        var id = new SeriesId(name, host, hasProxy ? proxy : null, hasServer ? server : null);
        return (new RangeRequest(id, names, start, end, parsedStep), null);
    }
}
