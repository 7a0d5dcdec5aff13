using Dashboard.Web.Api;
using Dashboard.Web.Live;
using Dashboard.Web.Pages;
using Dashboard.Web.Reading;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ServiceDefaults.Settings;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Registration and pipeline of <c>dashboard web</c>, usable on a <see cref="WebApplication"/> (the command) and on a
/// generic web host (the tests' WebApplicationFactory), so both run the same composition.
/// </summary>
public static class WebRegistration
{
    /// <summary>Where the page's static files are: <c>wwwroot</c> beside the executable (copied there at build).</summary>
    public static string WebRootPath => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static IServiceCollection AddDashboardWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().BindSettings(WebOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>>(new WebOptionsValidator(configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddDashboardReader();
        services.AddSingleton<OverviewReader>();
        services.AddSingleton<CredentialVerifier>();
        services.AddSingleton<ClientIdentity>();
        services.AddSingleton<FailedCredentialLog>();
        services.AddCredentialThrottle();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveFeed>());
        services.AddOpenApi();
        services.AddRouting();
        return services;
    }

    public static IApplicationBuilder UseDashboardWeb(this IApplicationBuilder app)
    {
        var webRoot = new PhysicalFileProvider(Directory.Exists(WebRootPath) ? WebRootPath : AppContext.BaseDirectory);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<CredentialMiddleware>();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = webRoot });
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapDashboardEndpoints(webRoot));
        return app;
    }

    private static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints, IFileProvider webRoot)
    {
        endpoints.MapDashboardApi();
        endpoints.MapDashboardStream();
        endpoints.MapOpenApi();
        endpoints.MapDashboardPages(webRoot);
        return endpoints;
    }
}
