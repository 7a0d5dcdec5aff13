using System.Threading.RateLimiting;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter in front of the credential check: a request whose <c>Authorization</c> header has
/// not been accepted before (so it would cost a PBKDF2 hash, ~0.2 s of a core) takes a token from its client's
/// bucket of <see cref="WebAuthOptions.AttemptsPerMinute"/>; an empty bucket is 429 with no hashing at all. Known
/// good headers, requests without a header, and a page without a credential pass untouched, so one guesser slows
/// nobody else down. The PBKDF2 cost itself stays as it is.
/// </summary>
public static class CredentialThrottle
{
    public static IServiceCollection AddCredentialThrottle(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CredentialVerifier, ClientIdentity, FailedCredentialLog, IOptions<WebOptions>>(
            (limiter, verifier, identity, failures, web) =>
            {
                var perMinute = Math.Max(1, web.Value.Auth.AttemptsPerMinute);
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var header = context.Request.Headers.Authorization.ToString();
                    if (!verifier.Configured || header.Length == 0 || verifier.IsKnownGood(header))
                    {
                        return RateLimitPartition.GetNoLimiter("");
                    }
                    return RateLimitPartition.GetTokenBucketLimiter(identity.Of(context).Address.ToString(), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = perMinute,
                        TokensPerPeriod = perMinute,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
                });
                limiter.OnRejected = async (rejected, cancellationToken) =>
                {
                    var context = rejected.HttpContext;
                    failures.Refused(identity.Of(context).Address, throttled: true);
                    context.Response.Headers.RetryAfter = "60";
                    await context.Response.WriteAsJsonAsync(
                        new Api.ApiError($"Too many credential attempts from this address: at most {perMinute} a minute. Try again later."), cancellationToken);
                };
            });
        return services;
    }
}
