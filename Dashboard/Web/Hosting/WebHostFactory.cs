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
        // The Host logs a failed start ("Hosting failed to start", an Error with the whole stack trace) before
        // RunAsync sees the exception; RunAsync then says it in one Configuration error line (an address in use) or
        // rethrows it, trace and all. A crashed background service is still logged, at Critical, with its exception.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddDashboardWeb(builder.Configuration);
        SettingsCheck.Apply(builder, "dashboard web");
        // The listen address is a Dashboard setting (validated: beyond loopback needs a credential), not ASPNETCORE_URLS.
        var urls = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.Urls ?? WebOptions.DefaultUrls;
        builder.WebHost.UseUrls(urls);
        // The slim builder leaves out Kestrel's https settings (Kestrel:Certificates, an endpoint's Certificate);
        // without this an https URL crashed with "Call UseKestrelHttpsConfiguration()".
        builder.WebHost.UseKestrelHttpsConfiguration();
        var app = builder.Build();
        app.UseDashboardWeb();
        return app;
    }

    /// <summary>Runs until Ctrl-C; a setting that cannot work is one <c>Configuration error:</c> line and exit code 2.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> hostArgs, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken, string? configFile = null)
    {
        foreach (var secret in CommandLineSecrets.Find(hostArgs))
        {
            Console.Error.WriteLine(CommandLineSecrets.Warning(secret));
        }
        try
        {
            await using var app = Build(hostArgs, overrides, configFile);
            ServiceDefaults.ConfigurationFailure.CheckBeforeStart(app.Services);
            var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
            await app.StartAsync(cancellationToken);
            // The settings were checked before start; this is the last word on what Kestrel really bound, in case a
            // source the check does not know of added an address.
            var exposed = app.Urls.Where(url => !Security.BindAddresses.IsLoopback(url)).ToList();
            if (exposed.Count > 0 && !app.Services.GetRequiredService<Security.CredentialVerifier>().Configured)
            {
                await app.StopAsync(CancellationToken.None);
                return ServiceDefaults.ConfigurationFailure.Report(
                    [$"dashboard web listened on {string.Join(", ", exposed)}, beyond loopback, without a credential: stopped. Set Dashboard:Auth:Token(File) or listen on 127.0.0.1."],
                    Console.Error);
            }
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
        catch (Exception ex) when (StartFailure(ex) is { } failure)
        {
            return ServiceDefaults.ConfigurationFailure.Report([failure], Console.Error);
        }
    }

    /// <summary>
    /// Kestrel's start failures that are the operator's to fix: an address in use (an IOException wrapping
    /// AddressInUseException, not a SocketException), an address not allowed (permission, not on this machine), or
    /// an https endpoint it cannot set up. Null for anything else, which keeps its stack trace.
    /// </summary>
    internal static string? StartFailure(Exception ex) => ex switch
    {
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } =>
            $"Dashboard:Urls cannot be bound: {ex.Message.TrimEnd('.')} (another process listens there; pick another port with --urls).",
        IOException { InnerException: System.Net.Sockets.SocketException or null } when ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase) =>
            $"Dashboard:Urls cannot be bound: {ex.Message.TrimEnd('.')}.",
        InvalidOperationException when ex.Message.Contains("HTTPS", StringComparison.Ordinal) || ex.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase) =>
            $"Kestrel's https settings cannot be used: {ex.Message}",
        _ => null,
    };
}
