using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// The real <c>dashboard web</c> composition (<see cref="WebRegistration"/>) in a WebApplicationFactory with the given
/// <c>Dashboard:*</c> settings. The dashboard's entry point is a System.CommandLine root, not a host builder, so the
/// host is built here from the same registration and pipeline the <c>web</c> command uses.
/// </summary>
public sealed class WebFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<WebOptions>
{
    public static WebFactory For(TestStore store, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:CollectorDatabase"] = store.CollectorDatabase,
            ["Dashboard:AlerterDatabase"] = store.AlerterDatabase,
            ["Dashboard:LivePollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return new WebFactory(settings);
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings))
            .ConfigureWebHost(web => web
                .ConfigureServices((context, services) => services.AddDashboardWeb(context.Configuration))
                .Configure(app => app.UseDashboardWeb()));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
}
