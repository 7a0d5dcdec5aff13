namespace Dashboard.Web.Api;

/// <summary>One chart of a drill-down page: a title, the unit of its axis, and the stored fields it draws.</summary>
public sealed record ChartSpec(string Title, string Unit, IReadOnlyList<ChartField> Fields);
