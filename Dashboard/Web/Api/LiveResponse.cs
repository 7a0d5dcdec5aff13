namespace Dashboard.Web.Api;

/// <summary><c>GET /api/live</c>: the page process answers. Says nothing about the suite (see <see cref="HealthResponse"/>).</summary>
public sealed record LiveResponse(string Status);
