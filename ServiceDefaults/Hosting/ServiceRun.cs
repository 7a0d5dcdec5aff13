using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceDefaults.Hosting;

/// <summary>
/// How every worker runs and ends, in one place: settings that cannot work are <c>Configuration error:</c> lines
/// and exit code 2 (<see cref="ConfigurationFailure"/>); a background service that fails stops the host (.NET's
/// <see cref="BackgroundServiceExceptionBehavior.StopHost"/>) and the process exits 1, not 0, so a service manager
/// sees the failure and restarts it; a clean stop exits 0.
/// </summary>
public static class ServiceRun
{
    public const int Failed = 1;

    /// <summary>Checks the settings, runs the host until it stops, and returns the exit code.</summary>
    public static async Task<int> RunAsync(IHost host, TextWriter error, CancellationToken cancellationToken = default)
    {
        ConfigurationFailure.CheckBeforeStart(host.Services);
        // Held before the run: the host disposes its services when it stops, the tasks stay readable.
        var background = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return Outcome(background, error);
    }

    /// <summary>
    /// The exit code once the host stopped: <see cref="Failed"/> (with one line per failed service on
    /// <paramref name="error"/>) when a background service ended with an exception, else 0.
    /// </summary>
    public static int Outcome(IEnumerable<BackgroundService> services, TextWriter error)
    {
        var failed = services.Where(s => s.ExecuteTask is { IsFaulted: true }).ToList();
        foreach (var service in failed)
        {
            var exception = service.ExecuteTask!.Exception!.GetBaseException();
            error.WriteLine($"Fatal: {service.GetType().Name} failed ({exception.GetType().Name}: {exception.Message}); the process stops with exit code {Failed}.");
        }
        return failed.Count > 0 ? Failed : 0;
    }
}
