namespace Dashboard.Web.Api;

/// <summary>A stored severity name and what it means.</summary>
public sealed record SeverityInfo(string Name, string Meaning);
