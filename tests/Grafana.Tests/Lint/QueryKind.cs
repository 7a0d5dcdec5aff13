namespace Grafana.Tests.Lint;

/// <summary>Where a dashboard holds an InfluxQL statement.</summary>
public enum QueryKind
{
    /// <summary>A panel's target.</summary>
    Panel,

    /// <summary>A template variable's query (SHOW TAG VALUES ...).</summary>
    Variable,

    /// <summary>An annotation's target.</summary>
    Annotation,
}
