using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>The <see cref="ClientAddress"/> of a request, resolved once and kept in its <c>Items</c>.</summary>
public sealed class ClientIdentity(IOptions<WebOptions> options)
{
    private static readonly object Key = new();
    private readonly TrustedProxies _trusted = TrustedProxies.Parse(options.Value.Auth.TrustedProxies, out _);

    public ClientAddress Of(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var known) && known is ClientAddress client)
        {
            return client;
        }
        var chain = ForwardedChain.Parse(context.Request.Headers["X-Forwarded-For"], context.Request.Headers["Forwarded"]);
        client = ClientAddress.Resolve(context.Connection.RemoteIpAddress, chain, _trusted);
        context.Items[Key] = client;
        return client;
    }
}
