using Microsoft.AspNetCore.Http;

namespace Dashboard.Web.Security;

/// <summary>
/// Every request (page, assets, API, event stream) without the credential gets 401 once one is configured. Without
/// one the page listens on loopback only (checked at start); a request from elsewhere, or forwarded by a proxy on
/// behalf of anyone but loopback, is refused all the same. A wrong credential is logged (<see cref="FailedCredentialLog"/>);
/// guessing is throttled before this by <see cref="CredentialThrottle"/>.
/// </summary>
public sealed class CredentialMiddleware(RequestDelegate next, CredentialVerifier verifier, ClientIdentity identity, FailedCredentialLog failures)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var client = identity.Of(context);
        bool allowed;
        if (verifier.Configured)
        {
            var header = context.Request.Headers.Authorization.ToString();
            allowed = await verifier.AcceptsAsync(header, context.RequestAborted);
            if (!allowed && header.Length > 0)
            {
                failures.Refused(client.Address, throttled: false);
            }
        }
        else
        {
            allowed = !client.BeyondLoopback;
        }
        if (allowed)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (verifier.Configured)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"dashboard\", charset=\"UTF-8\"";
        }
        await context.Response.WriteAsJsonAsync(new Api.ApiError(verifier.Configured
            ? "This dashboard needs a credential: Authorization: Bearer <token>, or basic auth."
            : "This dashboard answers loopback clients only (a request forwarded for another machine included); configure a credential to serve others."));
    }
}
