using System.Net;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Web.Security;

/// <summary>
/// Every request (page, assets, API, event stream) without the credential gets 401 once one is configured. Without
/// one the page listens on loopback only (checked at start); a request from elsewhere is refused all the same, in
/// case a proxy or a port forward put it there.
/// </summary>
public sealed class CredentialMiddleware(RequestDelegate next, CredentialVerifier verifier)
{
    public Task InvokeAsync(HttpContext context)
    {
        var allowed = verifier.Configured
            ? verifier.Accepts(context.Request.Headers.Authorization.ToString())
            : context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
        if (allowed)
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (verifier.Configured)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"dashboard\", charset=\"UTF-8\"";
        }
        return context.Response.WriteAsJsonAsync(new Api.ApiError(verifier.Configured
            ? "This dashboard needs a credential: Authorization: Bearer <token>, or basic auth."
            : "This dashboard answers loopback clients only."));
    }
}
