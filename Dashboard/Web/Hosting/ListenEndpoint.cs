namespace Dashboard.Web.Hosting;

/// <summary>
/// One address the page will listen on, with the setting that names it (<c>Dashboard:Urls</c> or
/// <c>Kestrel:Endpoints:NAME:Url</c>) and, for https, the configuration section of its certificate (null: none).
/// </summary>
public sealed record ListenEndpoint(string Setting, string Url, string? CertificateSection)
{
    public bool IsHttps => Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
