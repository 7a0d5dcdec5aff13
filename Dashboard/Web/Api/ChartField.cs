namespace Dashboard.Web.Api;

/// <summary>One line of a <see cref="ChartSpec"/>: a stored field and its legend.</summary>
public sealed record ChartField(string Name, string Label);
