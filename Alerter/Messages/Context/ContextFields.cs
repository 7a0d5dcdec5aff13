using Storage.Schema;

namespace Alerter.Messages.Context;

/// <summary>
/// The four fields the email shows, with their labels. Storage names come from <see cref="ProxyFields"/> (one
/// table for every writer and reader), never spelled here.
/// </summary>
public static class ContextFields
{
    public const string SessionsCurrent = ProxyFields.SessionsCurrent;
    public const string SessionRate = ProxyFields.SessionRate;
    public const string Http5xxRate = ProxyFields.Http5xxRate;
    public const string ResponseTimeMs = ProxyFields.ResponseTimeMs;

    /// <summary>In display order: (storage field, label with unit).</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Shown =
    [
        (SessionsCurrent, "Current sessions"),
        (SessionRate, "Sessions/s"),
        (Http5xxRate, "5xx responses/s"),
        (ResponseTimeMs, "Response time (ms)"),
    ];
}
