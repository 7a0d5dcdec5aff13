namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>The log pipelines scenario tests run over, by name (xunit theory data must be serialisable).</summary>
public static class LabLogPipelines
{
    public const string Sink = "sink";
    public const string Rsyslog = "rsyslog";
    public const string Journal = "journal";

    public static ILabLogPipeline Create(string name) => name switch
    {
        Sink => new SinkLogPipeline(),
        Rsyslog => new RsyslogLogPipeline(),
        Journal => new JournalLogPipeline(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such log pipeline"),
    };
}
