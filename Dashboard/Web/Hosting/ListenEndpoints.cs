using Dashboard.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Hosting;

/// <summary>
/// The addresses Kestrel will really listen on, read from the merged configuration (appsettings.json, MONITORING__
/// variables, the command line): Kestrel's own <c>Kestrel:Endpoints:*</c> when there are any (Kestrel then ignores
/// the URLs given to it), else <c>Dashboard:Urls</c>. Checking only Dashboard:Urls let
/// <c>--Kestrel:Endpoints:x:Url=http://0.0.0.0:PORT</c> listen everywhere without a credential.
/// </summary>
public static class ListenEndpoints
{
    public const string KestrelEndpoints = "Kestrel:Endpoints";
    public const string DefaultCertificate = "Kestrel:Certificates:Default";

    public static IReadOnlyList<ListenEndpoint> From(IConfiguration configuration, string dashboardUrls)
    {
        var hasDefault = HasCertificate(configuration.GetSection(DefaultCertificate));
        var kestrel = configuration.GetSection(KestrelEndpoints).GetChildren()
            .Select(endpoint => new ListenEndpoint($"{KestrelEndpoints}:{endpoint.Key}:Url", endpoint["Url"] ?? "",
                HasCertificate(endpoint.GetSection("Certificate")) ? $"{KestrelEndpoints}:{endpoint.Key}:Certificate"
                : hasDefault ? DefaultCertificate : null))
            .ToList();
        if (kestrel.Count > 0)
        {
            return kestrel;
        }
        return BindAddresses.Split(dashboardUrls).Select(url => new ListenEndpoint(WebOptions.Section + ":Urls", url, hasDefault ? DefaultCertificate : null)).ToList();
    }

    private static bool HasCertificate(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section["Path"]) || !string.IsNullOrWhiteSpace(section["Subject"]);
}
