using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDefaults.Hosting;
using ServiceDefaults.Settings;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Builds the <c>dashboard web</c> application: the suite's settings sources in the suite's order
/// (<see cref="SuiteConfiguration"/>: appsettings.json beside the executable, <c>--config</c>, <c>MONITORING__</c>
/// variables, host arguments), then the command's own options (<c>--db</c>, <c>--urls</c>, ...), which win.
/// </summary>
public static class WebHostFactory
{
    public static WebApplication Build(IReadOnlyList<string> hostArgs, IReadOnlyDictionary<string, string?> overrides, string? configFile = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = hostArgs.ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = WebRegistration.WebRootPath,
            // Never Development: it would add the developer exception page, which shows stack traces.
            EnvironmentName = Environments.Production,
        });
        SuiteConfiguration.Apply(builder, hostArgs, configFile);
        builder.Configuration.AddInMemoryCollection(overrides);
        SuiteLogging.Apply(builder);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddDashboardWeb(builder.Configuration);
        SettingsCheck.Apply(builder, "dashboard web");
        // The listen address is a Dashboard setting (validated: beyond loopback needs a credential), not ASPNETCORE_URLS.
        var urls = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.Urls ?? WebOptions.DefaultUrls;
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        app.UseDashboardWeb();
        return app;
    }

    /// <summary>Runs until Ctrl-C; a setting that cannot work is one <c>Configuration error:</c> line and exit code 2.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> hostArgs, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken, string? configFile = null)
    {
        try
        {
            await using var app = Build(hostArgs, overrides, configFile);
            ServiceDefaults.ConfigurationFailure.CheckBeforeStart(app.Services);
            var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
            await app.StartAsync(cancellationToken);
            // The first thing to open: say where (never the credential).
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"dashboard web: listening on {url} (reading {(options.Influx.Url is { Length: > 0 } ? "InfluxDB" : options.CollectorDatabase)})");
            }
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
        catch (Exception ex) when (ServiceDefaults.ConfigurationFailure.Describe(ex) is { } failures)
        {
            return ServiceDefaults.ConfigurationFailure.Report(failures, Console.Error);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException or null && ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            return ServiceDefaults.ConfigurationFailure.Report([$"Dashboard:Urls cannot be bound: {ex.Message}"], Console.Error);
        }
    }
}
