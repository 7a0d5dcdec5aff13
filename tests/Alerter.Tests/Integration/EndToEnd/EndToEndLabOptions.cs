namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>How <see cref="EndToEndLab"/> is set up beyond its backends and recipients.</summary>
public sealed record EndToEndLabOptions
{
    /// <summary>The log pipeline, by <see cref="LabLogPipelines"/> name. Default: the RFC 3164 receiver.</summary>
    public string Pipeline { get; init; } = LabLogPipelines.Sink;

    /// <summary>HAProxy's <c>log</c> lines. Default: one.</summary>
    public LabLogTargets Targets { get; init; } = LabLogTargets.One;

    /// <summary>Also run the Collector (every second) into the store the Alerter reads for context and evidence.</summary>
    public bool Collector { get; init; }

    /// <summary>The Alerter's log scan interval (<c>Alerter:Logs:Interval</c>); null: its default, 5 s.</summary>
    public TimeSpan? ScanInterval { get; init; }

    /// <summary>Alerter settings added to the lab's own (e.g. <c>Alerter:Influx:*</c>).</summary>
    public IReadOnlyDictionary<string, string?> ExtraSettings { get; init; } = new Dictionary<string, string?>();
}
