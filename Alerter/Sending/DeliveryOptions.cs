namespace Alerter.Sending;

/// <summary>Schedules and retry policy of alert delivery. Section <c>Alerter:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Alerter:Delivery";

    /// <summary>How often the dispatch job turns new events into outbox rows. Default 1 s.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the delivery job sends due outbox rows (it also runs right after a dispatch that added rows). Default 1 s.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before the first retry. Default 5 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Each further retry waits this many times longer. Default 2.</summary>
    public double BackoffMultiplier { get; set; } = 2.0;

    /// <summary>Longest wait between retries. Default 5 min.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message still failing transiently this long after it was queued is marked failed. Default 24 h.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>At most this many sends per delivery run. Default 200.</summary>
    public int MaxSendsPerRun { get; set; } = 200;
}
