namespace Dashboard.Web.Api;

/// <summary>A stored event kind name and what it means.</summary>
public sealed record EventKindInfo(string Name, string Meaning);
