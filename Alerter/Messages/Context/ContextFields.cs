using HAProxy.Fields;

namespace Alerter.Messages.Context;

/// <summary>
/// The four fields the email shows, with their labels. Storage names come from <see cref="FieldCatalogue"/> (one
/// table for every writer and reader), never spelled here.
/// </summary>
public static class ContextFields
{
    public static readonly string SessionsCurrent = Stored("scur");
    public static readonly string SessionRate = Rate("stot");
    public static readonly string Http5xxRate = Rate("hrsp_5xx");
    public static readonly string ResponseTimeMs = Stored("rtime");

    /// <summary>In display order: (storage field, label with unit).</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Shown =
    [
        (SessionsCurrent, "Current sessions"),
        (SessionRate, "Sessions/s"),
        (Http5xxRate, "5xx responses/s"),
        (ResponseTimeMs, "Response time (ms)"),
    ];

    private static string Stored(string column) => FieldCatalogue.Find(column)?.StoredAs
        ?? throw new InvalidOperationException($"the field catalogue does not store {column}");

    private static string Rate(string column) => FieldCatalogue.Find(column)?.RateAs
        ?? throw new InvalidOperationException($"the field catalogue has no rate for {column}");
}
