namespace Dashboard.Web.Api;

/// <summary>The body of every 4xx answer: one sentence saying what was wrong with the request.</summary>
public sealed record ApiError(string Error);
